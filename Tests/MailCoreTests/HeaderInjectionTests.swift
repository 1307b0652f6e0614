import Foundation
import Testing
@testable import MailCore

@Suite struct HeaderInjectionTests {
    static let payloads = ["x\r\nBcc: victim@evil.example", "x\nBcc: victim@evil.example", "x\rBcc: victim@evil.example", "x\0y", "x\u{2028}Bcc: y"]

    /// Each case puts a payload into one field and names the field the error must mention.
    static func cases(_ payload: String) -> [(field: String, message: OutgoingMessage)] {
        let base = GoldenMessages.firstStep
        var list: [(String, OutgoingMessage)] = []
        var m = base
        m.subject = "Hello " + payload
        list.append(("Subject", m))
        m = base
        m.from.displayName = "Sam " + payload
        list.append(("From display name", m))
        m = base
        m.to = [MailAddress(displayName: payload, localPart: "pat", domain: "prospect.example")]
        list.append(("To display name", m))
        m = base
        m.to = [GoldenMessages.prospect, MailAddress(localPart: "pat" + payload, domain: "prospect.example")]
        list.append(("To[1] local part", m))
        m = base
        m.to = [MailAddress(localPart: "pat", domain: "prospect.example" + payload)]
        list.append(("To domain", m))
        m = base
        m.replyTo = MailAddress(displayName: "R", localPart: "r", domain: "x.example" + payload)
        list.append(("Reply-To domain", m))
        m = base
        m.messageID = MessageID("a@b.example" + payload)
        list.append(("Message-ID", m))
        m = base
        m.inReplyTo = MessageID("a@b.example" + payload)
        list.append(("In-Reply-To", m))
        m = base
        m.references = [MessageID("ok@b.example"), MessageID("a@b.example" + payload)]
        list.append(("References[1]", m))
        m = base
        m.listUnsubscribeMailto = "mailto:u@x.example" + payload
        list.append(("List-Unsubscribe mailto", m))
        m = base
        m.listUnsubscribeURL = "https://x.example/u" + payload
        list.append(("List-Unsubscribe URL", m))
        m = base
        m.extraHeaders = [HeaderField(name: "X-Note", value: "fine" + payload)]
        list.append(("header X-Note", m))
        m = base
        m.extraHeaders = [HeaderField(name: "X-Evil" + payload, value: "v")]
        list.append(("extra header name", m))
        return list
    }

    @Test(arguments: payloads)
    func everyFieldRejectsLineBreaksAndNUL(payload: String) {
        for (field, message) in Self.cases(payload) {
            do {
                let bytes = try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1)).render(message)
                Issue.record("\(field) accepted \(payload.debugDescription): \(String(decoding: bytes, as: UTF8.self))")
            } catch {
                guard case .forbiddenCharacter(let named, _) = error else {
                    Issue.record("\(field): expected forbiddenCharacter, got \(error)")
                    continue
                }
                #expect(named == field)
                #expect(error.description.contains(field))
            }
        }
    }

    @Test func noSmuggledHeaderLinesInAnyAcceptedOutput() throws {
        // Values with no line breaks, but with header-looking text, must stay inside their own header.
        var message = GoldenMessages.firstStep
        message.subject = "Hi Bcc: victim@evil.example To: x@y.example"
        message.from.displayName = "Bcc: evil@x.example, Name"
        message.extraHeaders = [HeaderField(name: "X-Note", value: "Bcc: a@b.example")]
        let bytes = try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1)).render(message)
        try WireRules.check(bytes)
        let parsed = MessageReader.parse(bytes)
        #expect(parsed.headers(named: "Bcc").isEmpty)
        #expect(parsed.headers(named: "To").count == 1)
        #expect(parsed.subject == message.subject)
        #expect(parsed.from?.displayName == "Bcc: evil@x.example, Name")
        #expect(parsed.header("X-Note") == "Bcc: a@b.example")
    }

    @Test func bccAndOwnedHeadersCannotBeAdded() {
        for name in ["Bcc", "bcc", "Resent-Bcc", "From", "Content-Type", "List-Unsubscribe-Post", "Message-ID"] {
            var message = GoldenMessages.firstStep
            message.extraHeaders = [HeaderField(name: name, value: "x@y.example")]
            #expect(throws: MessageWriterError.forbiddenHeader(name: name)) {
                try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1)).render(message)
            }
        }
        var message = GoldenMessages.firstStep
        message.extraHeaders = [HeaderField(name: "Bad Name", value: "v")]
        #expect(throws: MessageWriterError.invalidHeaderName(name: "Bad Name")) {
            try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1)).render(message)
        }
    }

    @Test func otherValidation() {
        let writer = MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1))
        var m = GoldenMessages.firstStep
        m.to = []
        #expect(throws: MessageWriterError.noRecipients) { try writer.render(m) }
        m = GoldenMessages.firstStep
        m.listUnsubscribeURL = "http://insecure.example/u"
        #expect(throws: MessageWriterError.invalidUnsubscribe(field: "List-Unsubscribe URL", value: "http://insecure.example/u")) { try writer.render(m) }
        m = GoldenMessages.firstStep
        m.listUnsubscribeMailto = "unsubscribe@x.example"
        #expect(throws: MessageWriterError.self) { try writer.render(m) }
        m = GoldenMessages.firstStep
        m.messageID = MessageID("no-at-sign")
        #expect(throws: MessageWriterError.invalidMessageID(field: "Message-ID", value: "no-at-sign")) { try writer.render(m) }
        m = GoldenMessages.firstStep
        m.to = [MailAddress(localPart: "jürgen", domain: "x.example")]
        #expect(throws: MessageWriterError.self) { try writer.render(m) }
        m = GoldenMessages.firstStep
        m.to = [MailAddress(localPart: "a", domain: "exa mple.com")]
        #expect(throws: MessageWriterError.self) { try writer.render(m) }
        m = GoldenMessages.firstStep
        m.subject = String(repeating: "x", count: 5_000)
        // An unbreakable ASCII run is carried in encoded words, so it still folds under 998 octets.
        #expect(throws: Never.self) { try WireRules.check(try writer.render(m)) }
        m = GoldenMessages.firstStep
        m.extraHeaders = [HeaderField(name: "X-Long", value: String(repeating: "y", count: 2_000))]
        #expect(throws: Never.self) { try WireRules.check(try writer.render(m)) }
    }
}
