import Foundation
import Testing
import FollowUp

@Suite("Strict CSV reader")
struct CSVReaderTests {
    private func read(_ text: String) -> [Result<CSVRecord, CSVError>] {
        var reader = CSVReader(bytes: Array(text.utf8))
        return TestSupport.readAll(&reader)
    }

    private func records(_ text: String) -> [CSVRecord] {
        read(text).compactMap(\.record)
    }

    @Test func excelExportWithBOMAndSemicolons() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("excel-bom-semicolon.csv"))
        let results = TestSupport.readAll(&reader)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        let rows = results.compactMap(\.record)
        #expect(results.count == rows.count)
        #expect(rows.map(\.line) == [1, 2, 3, 4, 5])
        #expect(rows[0].fields == ["E-Mail", "First Name", "Last Name", "Company", "Time Zone"])
        #expect(rows[1].fields[3] == "Keller; Partner AG")
        #expect(rows[3].fields == ["", "", "", "", ""])
        #expect(rows[4].fields == ["ines.lefevre@example.net", "Inès", "Lefèvre", "Atelier \"Lumière\"", ""])
    }

    @Test func googleSheetsMultiLineCellsKeepLaterLineNumbersRight() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("google-sheets.csv"))
        let rows = TestSupport.readAll(&reader).compactMap(\.record)
        #expect(rows.map(\.line) == [1, 2, 4, 5, 8])
        #expect(rows[1].fields[3] == "Met at the fair.\nAsked for a demo in spring.")
        #expect(rows[3].fields[3] == "Prefers email.\n\nDo not call.")
        #expect(rows[4].fields == ["lina.haddad@example.com", "Lina", "Haddad Foods", "ok"])
    }

    @Test func hubspotExportWithQuotedHeadersAndEmptyTrailingColumns() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("hubspot-export.csv"))
        let results = TestSupport.readAll(&reader)
        let rows = results.compactMap(\.record)
        #expect(rows.count == 4 && results.count == 4)
        #expect(rows.allSatisfy { $0.fields.count == 16 })
        #expect(rows[2].fields[5] == "Ruiz \"Hermanos\"")
        #expect(rows[3].fields[5] == "Lin, Lin & Co")
    }

    @Test func tabSeparated() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("tab-separated.csv"))
        let rows = TestSupport.readAll(&reader).compactMap(\.record)
        #expect(reader.delimiter == UInt8(ascii: "\t"))
        #expect(rows.map(\.fields) == [
            ["email", "first_name", "company"],
            ["kai.nielsen@example.com", "Kai", "Nielsen ApS"],
            ["rosa.costa@example.org", "Rosa", "Costa\tFilhos"],
        ])
    }

    @Test func delimiterInsideQuotedHeaderDoesNotFoolDetection() {
        var reader = CSVReader(bytes: Array("\"a;b\",c,d\n1,2,3\n".utf8))
        let rows = TestSupport.readAll(&reader).compactMap(\.record)
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(rows.map(\.fields) == [["a;b", "c", "d"], ["1", "2", "3"]])
    }

    @Test func doubledQuotesAndEmptyQuotedFields() {
        #expect(records("a,b,c\n\"say \"\"hi\"\"\",\"\",\"\"\"\"\n").last?.fields == ["say \"hi\"", "", "\""])
    }

    @Test func crlfLfCrAndMixedLineEndings() {
        let rows = records("a,b\r\n1,2\n3,4\r5,6\r\n\r\n7,8")
        #expect(rows.map(\.line) == [1, 2, 3, 4, 6])
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
    }

    @Test func crlfInsideAQuotedFieldIsKeptAndCountedOnce() {
        let rows = records("a,b\r\n\"x\r\ny\",z\r\nq,r\r\n")
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[1].fields == ["x\r\ny", "z"])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let rows = records("\n\na,b\n\n1,2\n\n")
        #expect(rows.map(\.line) == [3, 5])
    }

    @Test func trailingDelimiterGivesAnEmptyLastField() {
        #expect(records("a,b,c\n1,2,\n").last?.fields == ["1", "2", ""])
    }

    @Test func extraEmptyTrailingFieldsAreDropped() {
        let results = read("a,b\n1,2,,\n3,4\n")
        #expect(results.allSatisfy { $0.record != nil })
        #expect(results.compactMap(\.record).map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func unterminatedQuoteNamesTheLineWhereTheFieldStarted() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("broken-unterminated.csv"))
        let results = TestSupport.readAll(&reader)
        #expect(results.count == 3)
        #expect(results.prefix(2).compactMap(\.record).map(\.line) == [1, 2])
        let error = try #require(results.last?.error)
        #expect(error.line == 3)
        #expect(error.message.contains("unterminated quote"))
        #expect(try reader.next() == nil)
    }

    @Test func wrongFieldCountSaysExpectedAndFound() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("broken-field-count.csv"))
        let results = TestSupport.readAll(&reader)
        #expect(results.count == 5)
        let short = try #require(results[2].error)
        #expect(short.description == "line 3: expected 3 fields, as in the header on line 1, but found 2")
        let long = try #require(results[3].error)
        #expect(long.line == 4)
        #expect(long.message.contains("but found 4"))
        #expect(results[4].record?.line == 5)
    }

    @Test func strayQuotesAreErrorsAndReadingGoesOn() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("broken-stray-quote.csv"))
        let results = TestSupport.readAll(&reader)
        #expect(results.count == 4)
        let stray = try #require(results[1].error)
        #expect(stray.line == 2)
        #expect(stray.message.contains("a quote inside the unquoted field 3"))
        let after = try #require(results[2].error)
        #expect(after.line == 3)
        #expect(after.message.contains("text after the closing quote of field 3"))
        #expect(results[3].record == CSVRecord(line: 4, fields: ["cara@example.com", "Cara", "Gamma"]))
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        var reader = CSVReader(bytes: try TestSupport.csvFixture("broken-utf8.csv"))
        let results = TestSupport.readAll(&reader)
        #expect(results.count == 4)
        let error = try #require(results[2].error)
        #expect(error.line == 3)
        #expect(error.message.contains("field 2 is not valid UTF-8"))
        #expect(results[3].record?.fields.first == "cara@example.com")
    }

    @Test func utf16IsRejected() throws {
        var reader = CSVReader(bytes: [0xFF, 0xFE, 0x61, 0x00])
        #expect(throws: CSVError(line: 1, message: "the file is UTF-16 text; save it as \"CSV UTF-8\"")) {
            _ = try reader.next()
        }
    }

    @Test func emptyInputHasNoRecords() throws {
        var reader = CSVReader(bytes: [])
        #expect(try reader.next() == nil)
        var bomOnly = CSVReader(bytes: [0xEF, 0xBB, 0xBF])
        #expect(try bomOnly.next() == nil)
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func fileStreamingGivesTheSameRecordsWhateverTheChunkSize(chunkSize: Int) throws {
        for name in ["excel-bom-semicolon.csv", "google-sheets.csv", "hubspot-export.csv", "broken-stray-quote.csv"] {
            var fromBytes = CSVReader(bytes: try TestSupport.csvFixture(name))
            let expected = TestSupport.readAll(&fromBytes)
            let handle = try FileHandle(forReadingFrom: try TestSupport.csvFixtureURL(name))
            defer { try? handle.close() }
            var fromFile = CSVReader(fileHandle: handle, chunkSize: chunkSize)
            let streamed = TestSupport.readAll(&fromFile)
            #expect(streamed.map(\.record) == expected.map(\.record), "\(name) with chunks of \(chunkSize)")
            #expect(streamed.map(\.error) == expected.map(\.error), "\(name) with chunks of \(chunkSize)")
        }
    }

    @Test func hundredThousandRowsStreamFromAFile() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("followup-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "email,first_name,company,notes\r\n"
        for index in 1...100_000 {
            let notes = index % 1_000 == 0 ? "\"line one\r\nline \"\"two\"\"\"" : "n\(index)"
            text += "p\(index)@example.com,Name \(index),\"Company, \(index)\",\(notes)\r\n"
        }
        try Data(text.utf8).write(to: url)

        var reader = try CSVReader(url: url)
        var count = 0
        var expectedLine = 2
        var lineMismatches = 0
        _ = try reader.next()
        while let record = try reader.next() {
            count += 1
            if record.line != expectedLine || record.fields[0] != "p\(count)@example.com" { lineMismatches += 1 }
            expectedLine += count % 1_000 == 0 ? 2 : 1
            if count == 5_000 {
                #expect(record.fields[3] == "line one\r\nline \"two\"")
                #expect(record.fields[2] == "Company, 5000")
            }
        }
        #expect(count == 100_000)
        #expect(lineMismatches == 0)

        var prospectsReader = try CSVReader(url: url)
        var imported = 0
        var problems: [ImportProblem] = []
        ProspectCSV.scan(&prospectsReader, file: "big.csv", row: { _ in imported += 1 }, problem: { problems.append($0) })
        #expect(imported == 100_000)
        #expect(problems.isEmpty)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: CSVError.self) {
            _ = try CSVReader(url: URL(fileURLWithPath: "/nonexistent/followup/x.csv"))
        }
    }
}
