import Foundation
import TestSupport
import Testing

/// The small things a newcomer meets in the first week: each error names what to fix and where,
/// and nothing is silently mixed up or misread.
@Suite("A newcomer's first week: clear errors, nothing mixed up")
struct NewcomerTests {
    func initialised(_ label: String) throws -> String {
        let directory = try FollowUpBinary.temporaryDirectory(label)
        _ = try FollowUpBinary.run(["init", directory])
        return directory
    }

    @Test("one real [smtp] problem is one error, without false unknown-key errors for the keys beside it")
    func oneSMTPError() throws {
        let directory = try initialised("newcomer-smtp")
        let path = directory + "/followup.toml"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "starttls = \"required\"", with: "starttls = \"maybe\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try FollowUpBinary.run(["doctor"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("smtp.starttls: must be"))
        #expect(!result.stderr.contains("unknown key"), "\(result.stderr)")
    }

    @Test("a missing template file is named with the config line that names it")
    func missingTemplate() throws {
        let directory = try initialised("newcomer-template")
        let path = directory + "/followup.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Templates/03-useful-point.txt", with: "Templates/03-usefull-point.txt")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("03-useful-point.txt") }) + 1
        let result = try FollowUpBinary.run(["preview"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("followup.toml:\(line): steps[2].template: no template file at Templates/03-usefull-point.txt"), "\(result.stderr)")
    }

    @Test("importing a folder says it is a folder, and offers no --skip-invalid for zero rows")
    func importFolder() throws {
        let directory = try initialised("newcomer-folder")
        try FileManager.default.createDirectory(atPath: directory + "/lists", withIntermediateDirectories: true)
        let result = try FollowUpBinary.run(["import", "lists"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("lists is a folder; name the CSV file in it"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("--skip-invalid"))
        // A file that is only a bad header offers no --skip-invalid for its zero valid rows either.
        try "name,company\nAna,Acme\n".write(toFile: directory + "/noemail.csv", atomically: true, encoding: .utf8)
        let header = try FollowUpBinary.run(["import", "noemail.csv"], in: directory)
        #expect(header.status == 2)
        #expect(!header.stderr.contains("import the 0 valid row(s)"), "\(header.stderr)")
    }

    @Test("a time-zone column in another language sets the prospect's zone instead of becoming a field",
          arguments: ["Zeitzone", "tz", "time_zone", "Fuseau horaire", "zona_horaria", "TijdZone"])
    func timeZoneColumn(name: String) throws {
        let directory = try initialised("newcomer-tz")
        try "email,first_name,company,\(name)\nana@example.com,Ana,Acme,Asia/Tokyo\n".write(toFile: directory + "/tz.csv", atomically: true, encoding: .utf8)
        let result = try FollowUpBinary.run(["preview", "--prospects", "tz.csv", "--format", "json", "--days", "1", "--now", "2026-12-01T01:00:00Z"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"at_prospect\":\"2026-12-01 10:00 Asia/Tokyo\""), "\(name): \(result.stdout.prefix(300))")
    }

    @Test("preview --format eml refuses a folder holding older .eml files, and --replace starts it afresh")
    func emlFolderNeverMixes() throws {
        let directory = try initialised("newcomer-eml")
        let out = directory + "/out"
        let arguments = ["preview", "--prospects", "prospects.csv", "--format", "eml", "--out", out, "--now", "2026-12-01T15:00:00Z"]
        #expect(try FollowUpBinary.run(arguments, in: directory).status == 0)
        let first = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(!first.isEmpty)
        try "keep me".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        let refused = try FollowUpBinary.run(["preview", "--prospects", "prospects.csv", "--format", "eml", "--out", out, "--now", "2026-12-02T15:00:00Z"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already holds \(first.count) .eml file(s)") && refused.stderr.contains("--replace"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == (first + ["notes.txt"]).sorted(), "nothing written or deleted")
        let replaced = try FollowUpBinary.run(["preview", "--prospects", "prospects.csv", "--format", "eml", "--out", out, "--replace",
                                               "--now", "2026-12-02T15:00:00Z"], in: directory)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let second = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".eml") }
        #expect(!second.isEmpty && second.allSatisfy { $0.hasPrefix("20261202") }, "only the new preview: \(second)")
        #expect(FileManager.default.fileExists(atPath: out + "/notes.txt"), "other files are left alone")
    }

    @Test("the followup.toml that init writes reads as the user's own file")
    func initConfigHeader() throws {
        let directory = try initialised("newcomer-config")
        let text = try String(contentsOfFile: directory + "/followup.toml", encoding: .utf8)
        #expect(!text.contains("Copy to followup.toml"))
        #expect(!text.lowercased().contains("seed article"))
        #expect(text.hasPrefix("# followup configuration"))
    }
}
