import Foundation
import Testing
import Triage

/// Builds raw test messages (CRLF) around the "permission to close" note in every quoting style.
enum TestMail {
    static let note = """
        Hi Jane,

        I've left you a few messages and I don't want to keep bothering you, but it's my job to connect with you. \
        If you're not interested, just tell me and I'll take you off my list. Otherwise, I will assume you are interested \
        but exceedingly busy and I will keep trying until we connect.

        Thanks!
        Kira Moore

        To stop these emails, reply "unsubscribe".
        """

    static let classifier = ReplyClassifier(ownAddresses: ["kira@example.com"], unsubscribeAddress: "kira+unsubscribe@example.com")

    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .split(separator: "\n", omittingEmptySubsequences: false).map { "<div>\($0.isEmpty ? "<br>" : String($0))</div>" }.joined()
    }

    /// A whole message: headers, a blank line, body; LF turned into CRLF.
    static func raw(subject: String = "Re: Quick question", from: String = "Jane Doe <jane@example.net>", to: String = "Kira Moore <kira@example.com>",
                    extraHeaders: String = "", contentType: String = "text/plain; charset=utf-8", date: String = "Tue, 01 Dec 2026 10:00:00 +0000",
                    body: String) -> [UInt8]
    {
        let text = """
            From: \(from)
            To: \(to)
            Subject: \(subject)
            Date: \(date)
            Message-ID: <t1@example.net>
            In-Reply-To: <k1@example.com>
            MIME-Version: 1.0
            \(extraHeaders)Content-Type: \(contentType)
            Content-Transfer-Encoding: 8bit

            \(body)
            """
        return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}

/// The quoting styles every zero-tolerance reply is rendered in.
enum QuoteStyle: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case gmail, gmailWrapped, outlookEN, outlookDE, outlookFR, outlookES, outlookUnderscores, apple, angleOnly, htmlBlockquote, outlookWebHTML,
        bottomPosted, interleaved

    var testDescription: String { rawValue }

    /// `reply` written in this style above (or below / between) the quoted note.
    func render(_ reply: String) -> [UInt8] {
        let note = TestMail.note
        let q = TestMail.quoted(note)
        switch self {
        case .gmail:
            return TestMail.raw(body: "\(reply)\n\nOn Mon, Nov 30, 2026 at 9:15 AM Kira Moore <kira@example.com> wrote:\n\n\(q)\n")
        case .gmailWrapped:
            return TestMail.raw(body: "\(reply)\n\nOn Mon, Nov 30, 2026 at 9:15 AM Kira Moore <\nkira@example.com> wrote:\n\n\(q)\n")
        case .outlookEN:
            return TestMail.raw(body: "\(reply)\n\n-----Original Message-----\nFrom: Kira Moore <kira@example.com>\nSent: Monday, November 30, 2026 9:15 AM\nTo: Jane Doe\nSubject: Quick question\n\n\(note)\n")
        case .outlookDE:
            return TestMail.raw(body: "\(reply)\n\n-----Ursprüngliche Nachricht-----\nVon: Kira Moore <kira@example.com>\nGesendet: Montag, 30. November 2026 09:15\nAn: Jane Doe\nBetreff: Quick question\n\n\(note)\n")
        case .outlookFR:
            return TestMail.raw(body: "\(reply)\n\nDe : Kira Moore <kira@example.com>\nEnvoyé : lundi 30 novembre 2026 09:15\nÀ : Jane Doe\nObjet : Quick question\n\n\(note)\n")
        case .outlookES:
            return TestMail.raw(body: "\(reply)\n\n-----Mensaje original-----\nDe: Kira Moore <kira@example.com>\nEnviado el: lunes, 30 de noviembre de 2026 9:15\nPara: Jane Doe\nAsunto: Quick question\n\n\(note)\n")
        case .outlookUnderscores:
            return TestMail.raw(body: "\(reply)\n\n________________________________\nFrom: Kira Moore <kira@example.com>\nSent: Monday, November 30, 2026 9:15 AM\nTo: Jane Doe\nSubject: Quick question\n\n\(note)\n")
        case .apple:
            return TestMail.raw(body: "\(reply)\n\n> On 30 Nov 2026, at 09:15, Kira Moore <kira@example.com> wrote:\n> \n\(q)\n")
        case .angleOnly:
            return TestMail.raw(body: "\(reply)\n\n\(q)\n")
        case .htmlBlockquote:
            let html = "<html><body>\(TestMail.html(reply))<div class=\"gmail_quote\"><div>On Mon, Nov 30, 2026 at 9:15 AM Kira Moore &lt;kira@example.com&gt; wrote:</div><blockquote>\(TestMail.html(note))</blockquote></div></body></html>"
            return TestMail.raw(contentType: "text/html; charset=utf-8", body: html)
        case .outlookWebHTML:
            let html = "<html><body>\(TestMail.html(reply))<hr><div id=\"divRplyFwdMsg\"><b>From:</b> Kira Moore<br><b>Sent:</b> Monday<br><b>Subject:</b> Quick question</div><div>\(TestMail.html(note))</div></body></html>"
            return TestMail.raw(contentType: "text/html; charset=utf-8", body: html)
        case .bottomPosted:
            return TestMail.raw(body: "On 30/11/2026 09:15, Kira Moore wrote:\n\(q)\n\n\(reply)\n")
        case .interleaved:
            let paragraphs = note.components(separatedBy: "\n\n")
            let first = TestMail.quoted(paragraphs.prefix(2).joined(separator: "\n\n"))
            let rest = TestMail.quoted(paragraphs.dropFirst(2).joined(separator: "\n\n"))
            return TestMail.raw(body: "Kira Moore wrote:\n\(first)\n\n\(reply)\n\n\(rest)\n")
        }
    }
}
