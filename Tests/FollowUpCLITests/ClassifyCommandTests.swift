import Foundation
import TestSupport
import Testing

@Suite("followup classify")
struct ClassifyCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TriageTests/Fixtures/corpus")

    func classify(_ arguments: [String], stdin: String? = nil) throws -> (FollowUpBinary.Result, [String: Any]) {
        let result = try FollowUpBinary.run(["classify"] + arguments + ["--json"], stdin: stdin.map { Data($0.utf8) })
        let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result, object)
    }

    @Test("a positive reply that quotes our permission-to-close note is positive, with only the person's words")
    func quotedNoteIsNotANo() throws {
        let message = """
            From: Ana <ana@example.com>\r
            To: Kira <kira@example.com>\r
            Subject: Re: a quick question\r
            Date: Tue, 08 Dec 2026 10:00:00 +0000\r
            \r
            Yes, let's talk. Thursday at 10 works for me.\r
            \r
            On Mon, 7 Dec 2026 at 09:00, Kira Moore <kira@example.com> wrote:\r
            > If you're not interested, just tell me and I'll take you off my list.\r
            > To stop these emails, reply "unsubscribe".\r

            """
        let (result, object) = try classify(["-"], stdin: message)
        #expect(result.status == 0)
        #expect(object["kind"] as? String == "human")
        #expect(object["intent"] as? String == "positive")
        #expect((object["reply_text"] as? String)?.contains("not interested") == false)
        #expect(object["bounce"] == nil && object["auto_reply"] == nil)
        #expect((object["explanation"] as? [String])?.isEmpty == false)
    }

    @Test("bounces and auto-replies carry their own fields only", arguments: ["bounce-permanent", "auto-reply"])
    func kindFields(folder: String) throws {
        let directory = Self.corpus.appendingPathComponent(folder)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted().first)
        let (result, object) = try classify([directory.appendingPathComponent(file).path])
        #expect(result.status == 0)
        if folder == "bounce-permanent" {
            #expect(object["kind"] as? String == "bounce")
            #expect((object["bounce"] as? [String: Any])?["permanent"] as? Bool == true)
            #expect(object["intent"] == nil && object["auto_reply"] == nil)
        } else {
            #expect(object["kind"] as? String == "auto_reply")
            #expect((object["auto_reply"] as? [String: Any])?.keys.contains("return_date") == true)
            #expect(object["intent"] == nil && object["bounce"] == nil)
        }
    }

    @Test("garbage still gets an answer; an unreadable file exits 1")
    func malformedAndMissing() throws {
        let (garbage, object) = try classify(["-"], stdin: "\u{0}\u{1}not a message at all\r\n\r\n--\r\n")
        #expect(garbage.status == 0)
        #expect(object["kind"] != nil)
        let missing = try FollowUpBinary.run(["classify", "/nonexistent/file.eml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test("terminal control bytes in a message never reach the terminal: they print as U+FFFD")
    func controlBytesAreShownSafely() throws {
        let message = "From: <x@example.net>\r\nTo: <k@example.com>\r\nSubject: Re: hi\r\n\r\n"
            + "Sounds good \u{1B}]0;owned\u{07}\u{1B}[31mcall me\u{1B}[0m\u{9B}2J on Friday.\r\n"
        let result = try FollowUpBinary.run(["classify", "-", "--explain"], stdin: Data(message.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Sounds good"), "\(result.stdout)")
        for control in ["\u{1B}", "\u{07}", "\u{9B}"] { #expect(!result.stdout.contains(control)) }
        #expect(result.stdout.contains("\u{FFFD}]0;owned"))
    }
}
