import Foundation
import Testing
@testable import MailCore

@Suite struct MessageReaderTests {
    func parse(_ text: String) -> ParsedMessage {
        MessageReader.parse(Array(text.utf8))
    }

    @Test func unfoldsAndDecodesHeaders() {
        let m = parse("Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n =?utf-8?Q?_aus_M=C3=BCnchen?=\r\nX-Folded: one\r\n\ttwo\r\nReceived: a\r\nReceived: b\r\n\r\nbody")
        #expect(m.subject == "Grüße aus München")
        #expect(m.header("x-folded") == "one\ttwo")
        #expect(m.headers(named: "Received") == ["a", "b"])
        #expect(m.headers.map(\.name) == ["Subject", "X-Folded", "Received", "Received"])
        #expect(m.bestText == "body")
    }

    @Test func toleratesLineEndingsMboxAndMissingBlankLine() {
        let lf = parse("From sender@example.com Mon Jan  1 00:00:00 2026\nFrom: a@x.org\nSubject: LF only\n\nline1\nline2\n")
        #expect(lf.from?.address == "a@x.org")
        #expect(lf.subject == "LF only")
        #expect(lf.bestText == "line1\nline2\n")
        let cr = parse("From: a@x.org\rSubject: CR only\r\rline1\rline2")
        #expect(cr.subject == "CR only")
        #expect(cr.bestText == "line1\nline2")
        let headersOnly = parse("From: a@x.org\r\nSubject: no body")
        #expect(headersOnly.subject == "no body")
        #expect(headersOnly.bestText == "")
        let noBlank = parse("Subject: hi\r\nThis line is body text\r\nmore")
        #expect(noBlank.subject == "hi")
        #expect(noBlank.bestText == "This line is body text\nmore")
    }

    @Test func eightBitHeadersDecodeAsUTF8ElseWindows1252() {
        var bytes = Array("Subject: caf".utf8) + [0xC3, 0xA9] + Array("\r\nX-Other: caf".utf8) + [0xE9, 0x80] + Array("\r\n\r\n".utf8)
        bytes += Array("x".utf8)
        let m = MessageReader.parse(bytes)
        #expect(m.subject == "café")
        #expect(m.header("X-Other") == "café€")
    }

    @Test func decodesTransferEncodingsAndCharsets() {
        let b64 = parse("Content-Type: text/plain; charset=\"ISO-8859-1\"\r\nContent-Transfer-Encoding: base64\r\n\r\nY2Fm6SBjcuhtZQ==\r\n!!\r\n")
        #expect(b64.bestText == "café crème")
        let qp = parse("Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\n=93Hi=94 soft=\r\nbreak =E9\r\n")
        #expect(qp.bestText == "\u{201C}Hi\u{201D} softbreak é\n")
        let wrongLabel = parse("Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 8bit\r\n\r\nna\u{EF}ve")
        #expect(wrongLabel.bestText == "naïve")
    }

    @Test func multipartAlternativePrefersPlain() {
        let m = parse("""
            Content-Type: multipart/alternative; boundary=XYZ\r
            \r
            preamble\r
            --XYZ\r
            Content-Type: text/html\r
            \r
            <p>html</p>\r
            --XYZ  \r
            Content-Type: text/plain\r
            \r
            plain text\r
            --XYZ--\r
            epilogue
            """)
        #expect(m.root.children.count == 2)
        #expect(m.bestText == "plain text")
    }

    @Test func missingFinalBoundaryAndHTMLOnly() {
        let m = parse("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<div>Hello <b>there</b></div><blockquote>quoted</blockquote>\r\n")
        #expect(m.bestText == "Hello there\n> quoted")
    }

    @Test func missingBoundaryParameterIsGuessed() {
        let m = parse("Content-Type: multipart/alternative\r\n\r\n--guess\r\nContent-Type: text/plain\r\n\r\nfound it\r\n--guess--\r\n")
        #expect(m.bestText == "found it")
    }

    @Test func attachmentsAreNotBestText() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\nattached\r\n--b\r\nContent-Type: text/plain\r\n\r\nreal body\r\n--b--\r\n")
        #expect(m.bestText == "real body")
        #expect(m.root.children.first?.filename == "notes.txt")
        #expect(m.root.children.first?.isAttachment == true)
    }

    @Test func rfc2231FilenameIsDecoded() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n filename*0*=utf-8''Angebot%20f%C3%BCr;\r\n filename*1=\" Sie.pdf\"\r\n\r\nJVBERi0=\r\n--b--\r\n")
        #expect(m.root.children.first?.filename == "Angebot für Sie.pdf")
        #expect(m.root.children.first?.body == Array("%PDF-".utf8))
    }

    @Test func deepNestingIsBounded() {
        var text = ""
        for i in 0..<200 { text += "Content-Type: multipart/mixed; boundary=\"b\(i)\"\r\n\r\n--b\(i)\r\n" }
        text += "Content-Type: text/plain\r\n\r\ndeep\r\n"
        let m = parse(text)
        var depth = 0
        var part = m.root
        while let child = part.children.first { part = child; depth += 1 }
        #expect(depth <= MessageReader.maxDepth + 1)
    }

    @Test func threadingFields() {
        let m = parse("Message-ID: <abc@x.org>\r\nIn-Reply-To: <p@x.org>\r\nReferences: <r1@x.org>\r\n <p@x.org>\r\nDate: Tue, 01 Dec 2026 09:00:00 -0500\r\n\r\n")
        #expect(m.messageID == "abc@x.org")
        #expect(m.inReplyTo == ["p@x.org"])
        #expect(m.references == ["r1@x.org", "p@x.org"])
        #expect(m.date == Date(timeIntervalSince1970: 1_796_133_600))
    }
}
