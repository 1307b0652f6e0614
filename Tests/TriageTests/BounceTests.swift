import Testing
import Triage

@Suite("Bounce permanence")
struct BounceTests {
    func dsn(action: String, status: String, diagnostic: String) -> [UInt8] {
        TestMail.raw(subject: "Undelivered Mail Returned to Sender", from: "MAILER-DAEMON@mx.example.com", contentType: "multipart/report; report-type=delivery-status; boundary=\"b\"",
            body: "--b\nContent-Type: text/plain\n\nThe mail system\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; X@Example.net\nAction: \(action)\nStatus: \(status)\nDiagnostic-Code: smtp; \(diagnostic)\n\n--b--\n")
    }

    @Test("status code and diagnostic decide permanence", arguments: [
        ("failed", "5.1.1", "550 5.1.1 user unknown", true, "does not exist"),
        ("failed", "5.2.2", "552 5.2.2 mailbox full", false, "full"),
        ("failed", "5.7.1", "554 5.7.1 rejected as spam", true, "policy"),
        ("failed", "5.0.0", "550 administrative prohibition", true, "permanent"),
        ("failed", "4.4.1", "451 try later", false, "temporary"),
        ("delayed", "4.4.7", "connection timed out", false, "delayed"),
    ] as [(String, String, String, Bool, String)])
    func permanence(action: String, status: String, diagnostic: String, permanent: Bool, reason: String) throws {
        let c = TestMail.classifier.classify(bytes: dsn(action: action, status: status, diagnostic: diagnostic))
        #expect(c.kind == .bounce)
        let bounce = try #require(c.bounce)
        #expect(bounce.permanent == permanent)
        #expect(bounce.status == status)
        #expect(bounce.recipients == ["x@example.net"])
        #expect(bounce.reason.contains(reason), "\(bounce.reason)")
        #expect(c.intent == nil && c.autoReply == nil)
    }

    @Test("a delivery-success report is an auto-reply without a return date")
    func success() {
        let c = TestMail.classifier.classify(bytes: dsn(action: "delivered", status: "2.0.0", diagnostic: "250 ok"))
        #expect(c.kind == .autoReply)
        #expect(c.autoReply?.returnDate == nil)
        #expect(c.explanation.contains { $0.contains("success") })
    }

    @Test("a person writing about an undeliverable mail is not a bounce")
    func humanMentioningBounce() {
        let c = TestMail.classifier.classify(bytes: TestMail.raw(subject: "Re: Undeliverable: Quick question", body: "Your last mail was undeliverable to my old address, but yes, let's talk."))
        #expect(c.kind == .human)
        #expect(c.intent == .positive)
    }
}
