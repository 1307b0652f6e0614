@testable import MailTransport
import Testing

@Suite("Pairing SMTP replies with commands")
struct SMTPExchangeTests {
    func lines(_ items: [(TranscriptLine.Source, String)]) -> [TranscriptLine] {
        items.map { TranscriptLine(source: $0.0, text: $0.1) }
    }

    @Test("a full transaction on a new connection")
    func fullTransaction() {
        let exchanges = SMTPExchange.pair(lines([
            (.server, "220 mail.example.test ESMTP"),
            (.client, "EHLO client.example.test"),
            (.server, "250-mail.example.test"), (.server, "250-PIPELINING"), (.server, "250 SMTPUTF8"),
            (.note, "Connected"),
            (.client, "MAIL FROM:<a@example.test> SIZE=10"), (.server, "250 2.1.0 Ok"),
            (.client, "RCPT TO:<b@example.test>"), (.server, "250 2.1.5 Ok"),
            (.client, "DATA"), (.server, "354 End data with <CR><LF>.<CR><LF>"),
            (.server, "250 2.0.0 Ok: queued as 123"),
        ]))
        #expect(exchanges.map(\.command) == [.greeting, .session("EHLO"), .mailFrom, .recipient("b@example.test"), .data, .message])
        #expect(exchanges[1].reply.lines == ["mail.example.test", "PIPELINING", "SMTPUTF8"])
        #expect(exchanges.last?.reply.code == 250)
    }

    @Test("a reused connection has no greeting, and a refusal is paired with its recipient")
    func refusalOnReusedConnection() {
        let exchanges = SMTPExchange.pair(lines([
            (.client, "MAIL FROM:<a@example.test>"), (.server, "250 2.1.0 Ok"),
            (.client, "RCPT TO:<gone@example.test>"), (.server, "550 5.1.1 <gone@example.test>: Recipient address rejected"),
        ]))
        #expect(exchanges.map(\.command) == [.mailFrom, .recipient("gone@example.test")])
        #expect(exchanges[1].reply.isPermanent)
        #expect(exchanges[1].reply.enhancedStatus == "5.1.1")
    }

    @Test("garbage lines are ignored instead of breaking the pairing")
    func garbage() {
        let exchanges = SMTPExchange.pair(lines([
            (.server, "hello there"), (.client, "DATA"), (.server, "451 4.3.0 try later"),
        ]))
        #expect(exchanges.count == 1)
        #expect(exchanges.first?.command == .data)
        #expect(exchanges.first?.reply.isTransient == true)
    }
}

@Suite("SMTP replies")
struct SMTPReplyTests {
    @Test("enhanced status codes are recognised only in their exact form", arguments: [
        (["5.1.1 <x>: rejected"], "5.1.1"), (["4.7.0 greylisted"], "4.7.0"), (["Ok"], nil), (["5.1 missing"], nil), ([], nil),
    ] as [([String], String?)])
    func enhancedStatus(lines: [String], expected: String?) {
        #expect(SMTPReply(code: 550, lines: lines).enhancedStatus == expected)
    }

    @Test("classes follow the first digit")
    func classes() {
        #expect(SMTPReply(code: 250, lines: []).isPositive)
        #expect(SMTPReply(code: 421, lines: []).isTransient)
        #expect(SMTPReply(code: 554, lines: []).isPermanent)
        #expect(!SMTPReply(code: 452, lines: []).isPermanent)
    }
}
