import Foundation
import MailCore

/// The composed messages whose rendering is pinned byte for byte under Fixtures/golden.
enum GoldenMessages {
    static let date = Date(timeIntervalSince1970: 1_796_133_600)  // Tue, 01 Dec 2026 14:00:00 UTC
    static let sender = MailAddress(displayName: "Sam Seller", localPart: "sam", domain: "sender.example")
    static let prospect = MailAddress(displayName: "Pat Prospect", localPart: "pat", domain: "prospect.example")

    static func id(_ step: Int) -> MessageID {
        MessageID.deterministic(secret: "golden-secret", prospect: "pat@prospect.example", sequence: "intro", step: step, domain: "sender.example")
    }

    static let all: [(name: String, message: OutgoingMessage)] = [
        ("first-step", firstStep),
        ("follow-up", followUp),
        ("non-ascii", nonASCII),
        ("long-lines", longLines),
        ("html-alternative", htmlAlternative),
    ]

    static let firstStep = OutgoingMessage(
        from: sender, to: [prospect], subject: "Quick question about your Q3 hiring", date: date,
        utcOffsetSeconds: -18_000, messageID: id(0), listUnsubscribeMailto: "mailto:unsubscribe@sender.example?subject=unsubscribe",
        textBody: "Hi Pat,\n\nDo you have 15 minutes next week to talk about hiring?\n\nSam\n--\nSeller Inc., 1 Main St, Springfield\n")

    static let followUp = OutgoingMessage(
        from: sender, to: [prospect], replyTo: MailAddress(localPart: "replies", domain: "sender.example"),
        subject: Subject.reply(to: "Re: Quick question about your Q3 hiring"), date: date.addingTimeInterval(3 * 86_400),
        utcOffsetSeconds: 3600, messageID: id(2), inReplyTo: id(1), references: [id(0), id(1)],
        listUnsubscribeMailto: "mailto:unsubscribe@sender.example", listUnsubscribeURL: "https://sender.example/u/abc123",
        textBody: "Hi Pat,\n\nI've left you a few messages and I don't want to keep bothering you.\nIf you are not interested, let me know.\n\nSam\n")

    static let nonASCII = OutgoingMessage(
        from: MailAddress(displayName: "José Müller-Lüdenscheidt", localPart: "jose", domain: "sender.example"),
        to: [
            MailAddress(displayName: "Zoë Ångström", localPart: "zoe", domain: "prospect.example"),
            MailAddress(displayName: "Roe, Jane", localPart: "jane", domain: "prospect.example"),
        ],
        subject: "Grüße aus München – Ihre Anfrage zur Angebotsübersicht für das nächste Quartal 👍🏽",
        date: date, utcOffsetSeconds: 3600, messageID: id(0),
        textBody: "Hallo Zoë,\r\nschöne Grüße aus München! 😀\r\n")

    static let longLines = OutgoingMessage(
        from: sender, to: [prospect], subject: "Long lines " + String(repeating: "word ", count: 30) + "end", date: date,
        utcOffsetSeconds: 0, messageID: id(0),
        textBody: String(repeating: "0123456789", count: 100) + "\n" + String(repeating: "x", count: 77) + "\nshort line with trailing space \n")

    static let htmlAlternative = OutgoingMessage(
        from: sender, to: [prospect], subject: "With HTML", date: date, utcOffsetSeconds: -25_200, messageID: id(0),
        listUnsubscribeMailto: "mailto:u@sender.example",
        textBody: "Hi Pat,\nPlain version.\n",
        htmlBody: "<html><body><p>Hi Pat,</p><p>HTML version with a <a href=\"https://sender.example/x?a=1&amp;b=2\">link</a>.</p></body></html>\n",
        extraHeaders: [HeaderField(name: "X-Campaign", value: "intro-2026")])
}
