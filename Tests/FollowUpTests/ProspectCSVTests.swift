import Testing
import FollowUp
import Foundation
import MailCore

@Suite("Prospect import validation")
struct ProspectCSVTests {
    @Test func excelExportImportsWithNormalisedHeaders() throws {
        let result = ProspectCSV.read(bytes: try TestSupport.csvFixture("excel-bom-semicolon.csv"), file: "x.csv")
        #expect(result.problems.isEmpty)
        #expect(result.rows.map(\.line) == [2, 3, 5])
        let marta = try #require(result.rows.first)
        #expect(marta.email == "marta.keller@example.com")
        #expect(marta.timeZone == "Europe/Zurich")
        #expect(marta.fields == [
            "email": "marta.keller@example.com", "first_name": "Marta", "last_name": "Keller",
            "company": "Keller; Partner AG", "time_zone": "Europe/Zurich",
        ])
        #expect(result.rows[2].timeZone == nil)
    }

    @Test func hubspotExportKeepsAddressAsWrittenAndFoldsIdentity() throws {
        let result = ProspectCSV.read(bytes: try TestSupport.csvFixture("hubspot-export.csv"), file: "h.csv")
        #expect(result.problems.isEmpty)
        let noor = try #require(result.rows.first)
        #expect(noor.email == "Noor.Haidari@Example.com")
        #expect(noor.identity == "noor.haidari@example.com")
        #expect(noor.fields["company_name"] == "Cedar Labs")
        #expect(noor.fields["country_region"] == "United States")
        #expect(noor.fields.count == 14)
    }

    @Test func multiLineFieldsAreRecorded() throws {
        let result = ProspectCSV.read(bytes: try TestSupport.csvFixture("google-sheets.csv"), file: "g.csv")
        #expect(result.problems.isEmpty)
        #expect(result.rows.map(\.multilineFields) == [["notes"], [], ["notes"], []])
        #expect(result.rows.map(\.line) == [2, 4, 5, 8])
    }

    @Test func badAndDuplicateAddressesAndTimeZones() throws {
        let result = ProspectCSV.read(bytes: try TestSupport.csvFixture("broken-addresses.csv"), file: "prospects.csv")
        #expect(result.rows.map(\.email) == ["ana@example.com", "eve@example.org"])
        #expect(result.rows.first?.timeZone == "Europe/Lisbon")
        #expect(result.problems.map(\.description) == [
            "prospects.csv:3: `ana@@example.com` is not a valid email address: it has more than one @",
            "prospects.csv:4: `ANA@Example.com` is already on line 2 (addresses are compared ignoring case)",
            "prospects.csv:5: `ben at example.com` is not a valid email address: it has no @",
            "prospects.csv:6: the email is empty",
            "prospects.csv:7: `Europe/Berln` is not a known IANA time zone (such as `Europe/Berlin`)",
            "prospects.csv:8: `dan@localhost` is not a valid email address: the domain `localhost` has no dot",
        ])
    }

    @Test func missingEmailColumnIsReportedOnLineOne() throws {
        let result = ProspectCSV.read(bytes: try TestSupport.csvFixture("broken-no-email-column.csv"), file: "p.csv")
        #expect(result.rows.isEmpty)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.line == 1)
        #expect(result.problems.first?.reason.contains("no `email` column") == true)
    }

    @Test func emptyFileIsReported() {
        let result = ProspectCSV.read(bytes: [], file: "p.csv")
        #expect(result.problems.map(\.line) == [1])
    }

    @Test func syntaxErrorsBecomeProblemsWithTheirLines() throws {
        let result = ProspectCSV.read(bytes: try TestSupport.csvFixture("broken-field-count.csv"), file: "p.csv")
        #expect(result.rows.map(\.line) == [2, 5])
        #expect(result.problems.map(\.line) == [3, 4])
        let unterminated = ProspectCSV.read(bytes: try TestSupport.csvFixture("broken-unterminated.csv"), file: "u.csv")
        #expect(unterminated.rows.map(\.line) == [2])
        #expect(unterminated.problems.map(\.line) == [3])
    }

    @Test func duplicateColumnsAfterNormalisationAreRejected() {
        let result = ProspectCSV.read(bytes: Array("email,First Name,first_name\na@example.com,A,B\n".utf8), file: "p.csv")
        #expect(result.rows.isEmpty)
        #expect(result.problems.map(\.description)
            == ["p.csv:1: columns 2 and 3 are both `first_name` once normalised; rename one"])
    }

    @Test func twoEmailColumnsAreAmbiguous() {
        let result = ProspectCSV.read(bytes: Array("Email,E-mail\na@example.com,b@example.com\n".utf8), file: "p.csv")
        #expect(result.rows.isEmpty)
        #expect(result.problems.first?.reason.contains("several columns look like the email column") == true)
    }

    @Test func valueUnderAnUnnamedColumnIsAProblem() {
        let result = ProspectCSV.read(bytes: Array("email,,company\na@example.com,oops,Acme\n".utf8), file: "p.csv")
        #expect(result.rows.isEmpty)
        #expect(result.problems.map(\.description)
            == ["p.csv:2: column 2 holds `oops` but has no header; name the column or clear it"])
    }

    @Test func valuesAreTrimmed() throws {
        let result = ProspectCSV.read(
            bytes: Array("email,first_name\n  ana@example.com , Ana \n".utf8), file: "p.csv")
        let row = try #require(result.rows.first)
        #expect(row.email == "ana@example.com")
        #expect(row.fields["first_name"] == "Ana")
    }
}

@Suite("Prospect import checked in batches")
struct ProspectCSVBatchTests {
    /// 5,000 rows (more than two batches) with, at seeded places, every kind of problem: duplicates
    /// within a batch and across batch boundaries, invalid addresses, unknown time zones, values under
    /// an unnamed column, blank rows and a broken quote.
    static func troubledCSV() -> [UInt8] {
        var random = SplitMix64(seed: 2048)
        var text = "email,first_name,timezone,\n"
        for index in 1...5_000 {
            switch random.next() % 40 {
            case 0: text += "p\(random.next() % UInt64(index))@Example.com,Dup,,\n"  // often an earlier row
            case 1: text += "not-an-address,Bad,,\n"
            case 2: text += "p\(index)@example.com,Zone,Mars/Olympus,\n"
            case 3: text += "p\(index)@example.com,Stray,,oops\n"
            case 4: text += ",,,\n"
            case 5: text += "p\(index)@example.com,\"Broken \"quote,,\n"
            case 6: text += "P\(max(1, index - 2_048))@EXAMPLE.COM,Boundary,Europe/Berlin,x\n"  // a row one batch back
            default: text += "p\(index)@example.com,Name \(index),\(index % 3 == 0 ? "Asia/Tokyo" : ""),\n"
            }
        }
        return Array(text.utf8)
    }

    @Test("checking batches on several threads, or out of order, gives exactly the rows and problems of one-by-one checking")
    func batchesMatchSequential() {
        let bytes = Self.troubledCSV()
        func scan(_ checkBatch: @escaping ProspectCSV.BatchCheck) -> ([ProspectRow], [ImportProblem]) {
            var reader = CSVReader(bytes: bytes)
            var rows: [ProspectRow] = []
            var problems: [ImportProblem] = []
            ProspectCSV.scan(&reader, file: "p.csv", checkBatch: checkBatch, row: { rows.append($0) }, problem: { problems.append($0) })
            return (rows, problems)
        }
        let sequential = ProspectCSV.read(bytes: bytes, file: "p.csv")
        let backwards = scan { records, check in Array(records.reversed().map(check).reversed()) }
        let threaded = scan { records, check in
            let results = Results(count: records.count)
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                for index in stride(from: worker, to: records.count, by: 4) { results.set(index, check(records[index])) }
            }
            return results.all
        }
        for (rows, problems) in [backwards, threaded] {
            #expect(rows == sequential.rows)
            #expect(problems == sequential.problems)
        }
        // The data exercises what it should.
        let reasons = sequential.problems.map(\.reason)
        #expect(reasons.filter { $0.contains("is already on line") }.count > 50)
        #expect(reasons.contains { $0.contains("@EXAMPLE.COM` is already on line") })
        #expect(reasons.contains { $0.contains("not a known IANA time zone") })
        #expect(reasons.contains { $0.contains("has no header") })
        #expect(reasons.contains { $0.contains("quote") })
        #expect(reasons.contains { $0.contains("not a valid email address") })
        #expect(sequential.rows.count > 4_000)
        #expect(sequential.problems.map(\.line) == sequential.problems.map(\.line).sorted())
    }

    /// Result slots filled from several threads, one index each.
    final class Results: @unchecked Sendable {
        private var slots: [CheckedRecord?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: CheckedRecord) { lock.withLock { slots[index] = value } }
        var all: [CheckedRecord] { lock.withLock { slots.compactMap { $0 } } }
    }
}
