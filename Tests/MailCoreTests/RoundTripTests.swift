import Foundation
import Testing
@testable import MailCore

@Suite struct RoundTripTests {
    static func expectedName(_ name: String?) -> String? {
        guard let name else { return nil }
        let collapsed = AddressParser.collapseWhitespace(name)
        return collapsed.isEmpty ? nil : collapsed
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func writerOutputReadsBackUnchanged(seed: UInt64) throws {
        var gen = RandomText(seed: seed)
        for iteration in 0..<150 {
            let to = (0..<(1 + gen.int(3))).map { _ in gen.address() }
            let ids = (0..<gen.int(4)).map { MessageID.deterministic(secret: "k", prospect: "p\($0)@x.example", sequence: "s", step: $0, domain: "x.example") }
            let extraValue = gen.line(maxPieces: 20)
            let message = OutgoingMessage(
                from: gen.address(), to: to, replyTo: gen.chance(30) ? gen.address() : nil, subject: gen.line(maxPieces: 60),
                date: Date(timeIntervalSince1970: TimeInterval(gen.int(4_000_000_000))),
                utcOffsetSeconds: (gen.int(57) - 28) * 1800,
                messageID: MessageID.deterministic(secret: "k", prospect: "me@x.example", sequence: "s", step: iteration, domain: "x.example"),
                inReplyTo: ids.last, references: ids,
                listUnsubscribeMailto: gen.chance(50) ? "mailto:u@x.example" : nil,
                listUnsubscribeURL: gen.chance(30) ? "https://x.example/u/\(iteration)" : nil,
                textBody: gen.body(), htmlBody: gen.chance(30) ? "<p>" + gen.line(maxPieces: 30) + "</p>" : nil,
                extraHeaders: [HeaderField(name: "X-Note", value: extraValue)])
            let bytes = try MessageWriter(boundaries: SeededBoundaryGenerator(seed: seed &+ UInt64(iteration))).render(message)
            try WireRules.check(bytes)
            let parsed = MessageReader.parse(bytes)
            let context = "seed \(seed) iteration \(iteration)"
            #expect(parsed.subject == message.subject, "\(context)")
            #expect(parsed.from?.address == message.from.address, "\(context)")
            #expect(parsed.from?.displayName == Self.expectedName(message.from.displayName), "\(context)")
            #expect(parsed.to.map(\.address) == to.map(\.address), "\(context)")
            #expect(parsed.to.map(\.displayName) == to.map { Self.expectedName($0.displayName) }, "\(context)")
            if let replyTo = message.replyTo {
                let got = parsed.header("Reply-To").flatMap { _ in parsed.rawHeaders.first { $0.name == "Reply-To" } }
                    .flatMap { MailAddress.list(parsing: $0.value).first }
                #expect(got?.address == replyTo.address, "\(context)")
            }
            #expect(parsed.messageID == message.messageID.value, "\(context)")
            #expect(parsed.references == ids.map(\.value), "\(context)")
            #expect(parsed.inReplyTo == (ids.last.map { [$0.value] } ?? []), "\(context)")
            #expect(parsed.date == message.date, "\(context)")
            #expect(parsed.header("X-Note") == extraValue, "\(context)")
            #expect(parsed.headers(named: "Bcc").isEmpty)
            let plain = MIMEWalker.textCandidates(in: parsed.root).plain
            #expect(plain == RoundTripExpectation.text(message.textBody), "\(context)")
            if let html = message.htmlBody {
                #expect(MIMEWalker.textCandidates(in: parsed.root).html == RoundTripExpectation.text(html), "\(context)")
            }
        }
    }
}
