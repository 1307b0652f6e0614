import MailCore
import Testing
import Triage

/// A poll reads every message's header first and fetches whole only those that may be reports
/// (or concern a prospect): `mayBeReport` on the header alone must let every report through.
@Suite("Screening reports by their header")
struct ReportScreeningTests {
    @Test("Every corpus message that is a report passes on its header alone, as IMAP sends the screening fields")
    func everyReportPasses() throws {
        let classifier = Corpus.classifier
        var reports = 0
        for file in Corpus.files {
            let bytes = try #require(Corpus.bytes(file))
            guard classifier.report(MessageReader.parse(bytes)) != nil else { continue }
            reports += 1
            let header = MessageReader.parseHeader(Self.screeningFields(of: bytes))
            #expect(classifier.mayBeReport(header), "\(file): a report held back by its header")
        }
        #expect(reports >= 30, "the corpus must hold the reports this test is about (\(reports))")
    }

    @Test("Most replies people write are ruled out by their header, so their bodies stay on the server")
    func repliesAreRuledOut() throws {
        let classifier = Corpus.classifier
        var replies = 0
        var passed: [String] = []
        for file in Corpus.files where file.hasPrefix("human-") {
            let bytes = try #require(Corpus.bytes(file))
            replies += 1
            if classifier.mayBeReport(MessageReader.parseHeader(Self.screeningFields(of: bytes))) { passed.append(file) }
        }
        #expect(replies >= 100)
        #expect(passed.count * 10 <= replies, "at most one reply in ten may look like a report by its header: \(passed)")
    }

    @Test("Each sign in the header lets a message through; a plain reply's header does not")
    func signs() {
        let classifier = ReplyClassifier()
        func passes(_ header: String) -> Bool {
            classifier.mayBeReport(MessageReader.parseHeader(Array((header + "\r\n\r\n").utf8)))
        }
        let plain = "From: Ana <ana@example.com>\r\nSubject: Re: our call\r\nContent-Type: text/plain; charset=utf-8"
        #expect(!passes(plain))
        #expect(passes("From: MAILER-DAEMON@mx.example.net\r\nSubject: hello"))
        #expect(passes("From: bounces+1234@mail.example.net\r\nSubject: hello"))
        #expect(passes("From: Mail Delivery System <noreply@example.net>\r\nSubject: hello"))
        #expect(passes("From: fbl@isp.example\r\nSubject: hello"))
        #expect(passes("From: x@example.net\r\nSubject: Undeliverable: our call"))
        #expect(passes("From: x@example.net\r\nSubject: Delivery Status Notification (Delay)"))
        #expect(passes(plain + "\r\nReturn-Path: <>"))
        #expect(passes(plain.replacingOccurrences(of: "text/plain; charset=utf-8", with: "multipart/report; report-type=delivery-status; boundary=x")))
        #expect(passes(plain + "\r\nX-Failed-Recipients: ana@example.com"))
        #expect(passes(plain + "\r\nAuto-Submitted: auto-replied"))
        #expect(!passes(plain + "\r\nAuto-Submitted: no"))
    }

    /// The fields of `ReplyClassifier.screeningFields` from the message's header, in their order,
    /// then the blank line: what `BODY.PEEK[HEADER.FIELDS (...)]` brings.
    static func screeningFields(of bytes: [UInt8]) -> [UInt8] {
        let header = Array(bytes[..<MessageReader.headerEnd(bytes)])
        let wanted = Set(ReplyClassifier.screeningFields.map { $0.lowercased() })
        var kept: [UInt8] = []
        var keeping = false
        var start = 0
        while start < header.count {
            var end = start
            while end < header.count, header[end] != UInt8(ascii: "\n") { end += 1 }
            let line = header[start..<min(end + 1, header.count)]
            if let first = line.first, first == 32 || first == 9 {
                if keeping { kept += line }
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                keeping = wanted.contains(String(decoding: header[start..<colon], as: UTF8.self).lowercased())
                if keeping { kept += line }
            } else {
                keeping = false
            }
            start = end + 1
        }
        return kept + Array("\r\n".utf8)
    }
}
