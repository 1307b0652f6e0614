@testable import FollowUpCLI
import Foundation
import TestSupport
import Testing

@Suite("followup init, import and suppress")
struct InitImportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the files init writes are the repository's example files (run scripts/embed-defaults after editing them)")
    func embeddedDefaultsAreCurrent() throws {
        for file in DefaultFiles.all {
            let onDisk = try String(contentsOf: Self.root.appendingPathComponent(file.source), encoding: .utf8)
            #expect(onDisk == file.content, "\(file.source) differs from the embedded copy")
        }
        let templates = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Templates").path)
        #expect(Set(templates.map { "Templates/" + $0 }) == Set(DefaultFiles.all.map(\.path).filter { $0.hasPrefix("Templates/") }))
    }

    @Test("init writes a working directory and never overwrites a file")
    func initNeverOverwrites() throws {
        let directory = try FollowUpBinary.temporaryDirectory("init")
        try "my own config\n".write(toFile: directory + "/followup.toml", atomically: true, encoding: .utf8)
        let result = try FollowUpBinary.run(["init", directory])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: directory + "/followup.toml", encoding: .utf8) == "my own config\n")
        #expect(result.stderr.contains("kept    \(directory)/followup.toml"))
        #expect(FileManager.default.fileExists(atPath: directory + "/Templates/05-permission-to-close.txt"))
        #expect(FileManager.default.fileExists(atPath: directory + "/prospects.csv"))
    }

    @Test("import is all or nothing, lists every bad row, and --skip-invalid imports the rest")
    func importAllOrNothing() throws {
        let directory = try FollowUpBinary.temporaryDirectory("import")
        _ = try FollowUpBinary.run(["init", directory])
        let csv = "email,first_name,company\nana@example.com,Ana,Acme\nbroken,Ben,Acme\n\"unterminated@example.com,Cy,Acme\n"
        try csv.write(toFile: directory + "/bad.csv", atomically: true, encoding: .utf8)
        let refused = try FollowUpBinary.run(["import", "bad.csv"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.csv:3: `broken` is not a valid email address"))
        #expect(refused.stderr.contains("bad.csv:4:"))
        #expect(refused.stderr.contains("nothing imported"))
        let status = try FollowUpBinary.run(["suppress", "list"], in: directory)
        #expect(status.status == 0)

        // Done in part is exit 3, with every skipped row on stderr, even with --quiet.
        let partial = try FollowUpBinary.run(["import", "bad.csv", "--skip-invalid", "--quiet"], in: directory)
        #expect(partial.status == 3)
        #expect(partial.stdout.contains("1 added"))
        #expect(partial.stderr.contains("skipped bad.csv:3: `broken` is not a valid email address"))
        #expect(partial.stderr.contains("imported in part"))
        // Nothing went wrong: --quiet prints nothing at all.
        try "email,first_name\nzed@example.com,Zed\n".write(toFile: directory + "/good.csv", atomically: true, encoding: .utf8)
        let quiet = try FollowUpBinary.run(["import", "good.csv", "--quiet"], in: directory)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
    }

    @Test("a suppressed domain stays suppressed after a re-import")
    func suppressedStaysSuppressed() throws {
        let directory = try FollowUpBinary.temporaryDirectory("suppress")
        _ = try FollowUpBinary.run(["init", directory])
        #expect(try FollowUpBinary.run(["import", "prospects.csv"], in: directory).stdout.contains("6 added"))
        let added = try FollowUpBinary.run(["suppress", "add", "@example.org", "--yes"], in: directory)
        #expect(added.stdout.contains("2 prospect(s) now unsubscribed"))
        let again = try FollowUpBinary.run(["import", "prospects.csv"], in: directory)
        #expect(again.stdout.contains("0 added") && again.stdout.contains("2 kept out"))
        let bad = try FollowUpBinary.run(["suppress", "add", "not-an-address"], in: directory)
        #expect(bad.status == 2)
    }

    /// Who may still be written to: the addresses a one-day preview of the store plans messages for.
    func writable(_ directory: String) throws -> Set<String> {
        let preview = try FollowUpBinary.run(["preview", "--days", "1", "--format", "json", "--now", "2026-12-02T00:00:00Z"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(preview.stdout.utf8)) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: Any]])
        return Set(messages.compactMap { $0["to"] as? String })
    }

    @Test("suppress add @domain asks for --yes before unsubscribing several; suppress remove puts back exactly whom it stopped")
    func suppressionUndo() throws {
        let directory = try FollowUpBinary.temporaryDirectory("suppress-undo")
        _ = try FollowUpBinary.run(["init", directory])
        #expect(try FollowUpBinary.run(["import", "prospects.csv"], in: directory).status == 0)
        let everyone = try writable(directory)
        #expect(everyone.count == 6)

        let unconfirmed = try FollowUpBinary.run(["suppress", "add", "@example.org"], in: directory)
        #expect(unconfirmed.status == 2)
        #expect(unconfirmed.stderr.contains("would unsubscribe 2 prospects (zoe.muller@example.org, priya.raman@example.org)"), "\(unconfirmed.stderr)")
        #expect(unconfirmed.stderr.contains("--yes"))
        #expect(try writable(directory) == everyone, "nothing changed without --yes")
        #expect(try FollowUpBinary.run(["suppress", "list"], in: directory).stdout.isEmpty)

        // One address needs no confirmation; it and the domain overlap for priya.
        #expect(try FollowUpBinary.run(["suppress", "add", "priya.raman@example.org"], in: directory).status == 0)
        #expect(try FollowUpBinary.run(["suppress", "add", "@example.org", "--yes"], in: directory).stdout.contains("1 prospect(s) now unsubscribed"))
        #expect(try writable(directory) == everyone.subtracting(["zoe.muller@example.org", "priya.raman@example.org"]))

        // Removing the domain puts zoe back; priya stays out while her own entry is there.
        let removed = try FollowUpBinary.run(["suppress", "remove", "@example.org"], in: directory)
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("1 prospect(s) back where they were: zoe.muller@example.org active"), "\(removed.stdout)")
        #expect(try writable(directory) == everyone.subtracting(["priya.raman@example.org"]))
        let last = try FollowUpBinary.run(["suppress", "remove", "priya.raman@example.org"], in: directory)
        #expect(last.stdout.contains("priya.raman@example.org active"), "\(last.stdout)")
        #expect(try writable(directory) == everyone)

        // A prospect kept out at import by an entry is enrolled once the entry goes.
        let fresh = try FollowUpBinary.temporaryDirectory("suppress-import")
        _ = try FollowUpBinary.run(["init", fresh])
        #expect(try FollowUpBinary.run(["suppress", "add", "@example.net"], in: fresh).status == 0)
        #expect(try FollowUpBinary.run(["import", "prospects.csv"], in: fresh).stdout.contains("2 kept out"))
        #expect(try FollowUpBinary.run(["suppress", "remove", "@example.net"], in: fresh).stdout.contains("2 prospect(s) back where they were"))
        #expect(try writable(fresh).count == 6)
    }
}
