import Foundation
import TestSupport
import Testing

@Suite("followup preview")
struct PreviewCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/preview-example")
    let now = "2026-12-01T08:30:00-05:00"

    func preview(_ arguments: [String], in directory: String? = nil) throws -> FollowUpBinary.Result {
        try FollowUpBinary.run(["preview", "--now", now] + arguments, in: directory ?? Self.root.path)
    }

    @Test("at 08:30 in New York only the prospects whose window is open are due")
    func onlyOpenWindows() throws {
        let result = try preview(["--config", "config.example.toml", "--prospects", "examples/prospects.csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 message(s) would be sent"))
        #expect(result.stdout.contains("zoe.muller@example.org") && result.stdout.contains("jose.garcia@example.net"))
    }

    @Test("the bundled example's first day matches the golden .eml files byte for byte (UPDATE_GOLDEN=1 rewrites them)")
    func goldenFirstDay() throws {
        let out = try FollowUpBinary.temporaryDirectory("preview-eml")
        let result = try preview(["--config", "config.example.toml", "--prospects", "examples/prospects.csv",
                                  "--days", "1", "--format", "eml", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(written.count == 6)
        #expect(written.first == "20261201T1330-zoe.muller@example.org-step1.eml")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.goldens)
            try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
            for name in written {
                try FileManager.default.copyItem(atPath: out + "/" + name, toPath: Self.goldens.appendingPathComponent(name).path)
            }
        }
        let expected = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path).sorted()
        #expect(written == expected)
        for name in expected {
            let golden = try Data(contentsOf: Self.goldens.appendingPathComponent(name))
            let actual = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            #expect(actual == golden, "\(name) differs from its golden file")
        }
    }

    @Test("--format mbox holds the same messages as the golden .eml files, in order, each behind a From line")
    func mboxMatchesGoldens() throws {
        let result = try preview(["--config", "config.example.toml", "--prospects", "examples/prospects.csv", "--days", "1", "--format", "mbox"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("6 message(s) written as mbox"), "the summary stays off stdout: \(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path).sorted()
        let entries = result.stdout.components(separatedBy: "\nFrom kira@example.com ")
        #expect(entries.count == names.count, "one entry per message: \(entries.count)")
        #expect(result.stdout.hasPrefix("From kira@example.com Tue Dec  1 13:30:00 2026\n"), "\(result.stdout.prefix(80))")
        for name in names {
            let golden = String(decoding: try Data(contentsOf: Self.goldens.appendingPathComponent(name)), as: UTF8.self)
            #expect(result.stdout.contains("\n" + golden + "\n"), "\(name) appears whole in the mbox")
        }
        let file = try FollowUpBinary.temporaryDirectory("preview-mbox") + "/preview.mbox"
        let toFile = try preview(["--config", "config.example.toml", "--prospects", "examples/prospects.csv", "--days", "1",
                                  "--format", "mbox", "--out", file])
        #expect(toFile.stdout.contains("wrote 6 message(s) to \(file)"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self) == result.stdout)
    }

    @Test("--days shows the whole plan ahead, threaded, and the JSON is well formed")
    func planAheadJSON() throws {
        let result = try preview(["--config", "config.example.toml", "--prospects", "examples/prospects.csv", "--days", "30", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: Any]])
        #expect(messages.count == 30)
        let ana = messages.filter { ($0["to"] as? String) == "ana.silva@example.com" }
        #expect(ana.map { $0["step"] as? Int } == [1, 2, 3, 4, 5])
        let second = try #require(ana.dropFirst().first?["eml"] as? String)
        let firstID = try #require(ana.first?["message_id"] as? String)
        #expect(second.contains("In-Reply-To: <\(firstID)>"))
        #expect(second.contains("Subject: Re: Ana, a quick question about Northwind Bakery"))
    }

    @Test("every rendering problem is listed at once and the exit code is 2")
    func problemsListed() throws {
        let directory = try FollowUpBinary.temporaryDirectory("preview-problems")
        _ = try FollowUpBinary.run(["init", directory])
        try "email,first_name,company\nana@example.com,Ana,\nben@example.com,,Acme\n".write(toFile: directory + "/p.csv", atomically: true, encoding: .utf8)
        let result = try preview(["--prospects", "p.csv", "--days", "1"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("field `company` is empty for ana@example.com"))
        #expect(result.stderr.contains("field `first_name` is empty for ben@example.com"))
        #expect(result.stderr.contains("Templates/01-opening.txt:1:"))
        #expect(result.stderr.contains("2 message(s) cannot be rendered"))
        #expect(result.stdout.contains("0 message(s) would be sent") || result.stdout.contains("nothing is due"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/followup.sqlite"), "preview must not create the store")
    }

    @Test("a CRLF in a field used in the subject is refused, naming the field and the prospect")
    func crlfInSubject() throws {
        let directory = try FollowUpBinary.temporaryDirectory("preview-crlf")
        _ = try FollowUpBinary.run(["init", directory])
        try "email,first_name,company\nana@example.com,Ana,\"Acme\r\nBcc: victim@example.net\"\n".write(toFile: directory + "/p.csv", atomically: true, encoding: .utf8)
        let result = try preview(["--prospects", "p.csv", "--format", "json", "--days", "1"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("company"))
        #expect(result.stderr.contains("ana@example.com"))
        #expect(!result.stdout.contains("Bcc: victim"))
    }

    @Test("previewing the store shows only active prospects, and nothing is due before the window opens")
    func fromStore() throws {
        let directory = try FollowUpBinary.temporaryDirectory("preview-store")
        _ = try FollowUpBinary.run(["init", directory])
        #expect(try FollowUpBinary.run(["import", "prospects.csv"], in: directory).status == 0)
        _ = try FollowUpBinary.run(["suppress", "add", "ana.silva@example.com"], in: directory)
        let early = try FollowUpBinary.run(["preview", "--now", "2026-12-01T05:00:00-05:00", "--prospects", "prospects.csv", "--prospect", "sam.okafor@example.com"], in: directory)
        #expect(early.stdout.contains("nothing is due"))
        let result = try FollowUpBinary.run(["preview", "--now", "2026-12-02T00:00:00-05:00", "--days", "1"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("5 message(s) would be sent"))
        #expect(!result.stdout.contains("ana.silva@example.com"))
        #expect(result.stderr.contains("1 prospect(s) left out: on the suppression list"))
    }

    @Test("a test's run gets the fixed clock unless it asks for the wall clock (which is then the machine's, moved or not)")
    func testClock() throws {
        func clock(_ environment: [String: String]) throws -> String {
            let result = try FollowUpBinary.run(["preview", "--config", "config.example.toml", "--prospects", "examples/prospects.csv",
                                                 "--format", "json", "--days", "0"], in: Self.root.path, environment: environment)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try #require(object["now"] as? String)
        }
        #expect(try clock([:]) == FollowUpBinary.fixedNow)
        #expect(try clock(["FOLLOWUP_NOW": "2027-03-01T10:00:00Z"]) == "2027-03-01T10:00:00Z")
        let before = Date().addingTimeInterval(-2)
        let wall = try #require(ISO8601DateFormatter().date(from: try clock(["FOLLOWUP_NOW": FollowUpBinary.wallClock])))
        #expect(wall >= before && wall <= Date().addingTimeInterval(2))
    }

    @Test("a typo in a later step fails a plain preview (exit 2), naming the step, the template and the field, from a CSV and from the store")
    func laterStepTypo() throws {
        let directory = try FollowUpBinary.temporaryDirectory("preview-typo")
        _ = try FollowUpBinary.run(["init", directory])
        let path = directory + "/Templates/02-follow-up.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "{{first_name}}", with: "{{frist_name}}").write(toFile: path, atomically: true, encoding: .utf8)
        for source in [["--prospects", "prospects.csv"], []] {
            if source.isEmpty { #expect(try FollowUpBinary.run(["import", "prospects.csv"], in: directory).status == 0) }
            let result = try FollowUpBinary.run(["preview", "--days", "0", "--now", "2026-12-01T15:00:00Z"] + source, in: directory)
            #expect(result.status == 2, "\(source): \(result.stdout)")
            #expect(result.stderr.contains("step 2:"), "\(result.stderr)")
            #expect(result.stderr.contains("02-follow-up.txt") && result.stderr.contains("frist_name"), "\(result.stderr)")
            #expect(result.stderr.contains("other prospect(s) like them"))
            #expect(result.stderr.contains("a later step cannot be rendered"))
        }
    }

    @Test("a clock set before the import plans nothing, and the preview says why instead of showing an empty plan")
    func clockBeforeImport() throws {
        let directory = try FollowUpBinary.temporaryDirectory("preview-before-import")
        _ = try FollowUpBinary.run(["init", directory])
        #expect(try FollowUpBinary.run(["import", "prospects.csv", "--now", "2026-12-03T09:00:00Z"], in: directory).status == 0)
        let early = try FollowUpBinary.run(["preview", "--now", "2026-12-02T15:00:00Z", "--days", "0"], in: directory)
        #expect(early.status == 0)
        #expect(early.stdout.contains("nothing is due"))
        #expect(early.stderr.contains("6 prospect(s) were imported or last written to after the clock (2026-12-02T15:00:00Z)"), "\(early.stderr)")
        #expect(early.stderr.contains("the earliest at 2026-12-03T09:00:00Z"))
        let later = try FollowUpBinary.run(["preview", "--now", "2026-12-03T15:00:00Z", "--days", "0"], in: directory)
        #expect(!later.stderr.contains("after the clock"), "\(later.stderr)")
    }
}
