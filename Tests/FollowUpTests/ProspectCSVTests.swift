import Testing
import FollowUp

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
