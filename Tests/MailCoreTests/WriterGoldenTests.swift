import Foundation
import Testing
@testable import MailCore

@Suite struct WriterGoldenTests {
    static let names = GoldenMessages.all.map(\.name)

    @Test(arguments: names)
    func matchesGoldenFile(name: String) throws {
        let message = try #require(GoldenMessages.all.first { $0.name == name }?.message)
        let bytes = try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 2026)).render(message)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            let url = FixtureFiles.sourceRoot.appendingPathComponent("golden/\(name).eml")
            try Data(bytes).write(to: url)
            return  // the bundle still holds the old copy until the next build
        }
        let golden = try FixtureFiles.bytes("golden/\(name).eml")
        if bytes != golden {
            let firstDifference = (0..<min(bytes.count, golden.count)).first { bytes[$0] != golden[$0] } ?? min(bytes.count, golden.count)
            let context = String(decoding: bytes[max(0, firstDifference - 40)..<min(bytes.count, firstDifference + 40)], as: UTF8.self)
            Issue.record("\(name) differs from Fixtures/golden/\(name).eml at byte \(firstDifference) near \(context.debugDescription); run with UPDATE_GOLDEN=1 to accept")
        }
    }

    @Test(arguments: names)
    func obeysLineRules(name: String) throws {
        let message = try #require(GoldenMessages.all.first { $0.name == name }?.message)
        let bytes = try MessageWriter(boundaries: RandomBoundaryGenerator()).render(message)
        try WireRules.check(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let headerPart = text.components(separatedBy: "\r\n\r\n")[0]
        for line in headerPart.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "header line too long: \(line)") }
        #expect(text.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(!text.lowercased().contains("\nbcc:"))
    }

    @Test(arguments: names)
    func readsBack(name: String) throws {
        let message = try #require(GoldenMessages.all.first { $0.name == name }?.message)
        let parsed = MessageReader.parse(try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1)).render(message))
        #expect(parsed.subject == message.subject)
        #expect(parsed.from == message.from)
        #expect(parsed.to == message.to)
        #expect(parsed.messageID == message.messageID.value)
        #expect(parsed.date == message.date)
        #expect(parsed.inReplyTo == (message.inReplyTo.map { [$0.value] } ?? []))
        #expect(parsed.references == message.references.map(\.value))
        #expect(parsed.bestText == RoundTripExpectation.text(message.textBody))
    }

    @Test func followUpThreadingHeaders() throws {
        let text = String(decoding: try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1)).render(GoldenMessages.followUp), as: UTF8.self)
        let id0 = GoldenMessages.id(0).bracketed, id1 = GoldenMessages.id(1).bracketed
        #expect(text.contains("\r\nIn-Reply-To: \(id1)\r\n"))
        #expect(text.contains("\r\nReferences: \(id0)\r\n \(id1)\r\n") || text.contains("\r\nReferences: \(id0) \(id1)\r\n"))
        #expect(text.contains("\r\nSubject: Re: Quick question about your Q3 hiring\r\n"))
        #expect(text.contains("\r\nList-Unsubscribe: <mailto:unsubscribe@sender.example>,\r\n <https://sender.example/u/abc123>\r\n"))
        #expect(text.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
    }

    @Test func noOneClickWithMailtoOnly() throws {
        let text = String(decoding: try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1)).render(GoldenMessages.firstStep), as: UTF8.self)
        #expect(text.contains("List-Unsubscribe: <mailto:"))
        #expect(!text.contains("List-Unsubscribe-Post"))
    }

    @Test func sevenBitOnlyWhenPlainAndShort() throws {
        let writer = MessageWriter(boundaries: SeededBoundaryGenerator(seed: 1))
        let plain = String(decoding: try writer.render(GoldenMessages.firstStep), as: UTF8.self)
        #expect(plain.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n"))
        let long = String(decoding: try writer.render(GoldenMessages.longLines), as: UTF8.self)
        #expect(long.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        let html = String(decoding: try writer.render(GoldenMessages.htmlAlternative), as: UTF8.self)
        #expect(html.contains("Content-Type: multipart/alternative;\r\n boundary=\"=_fu_"))
    }

    @Test func thousandCharacterLinesAreEncodedUnder998Octets() throws {
        var message = GoldenMessages.firstStep
        message.textBody = String(repeating: "a", count: 1_000) + "\n" + String(repeating: "ä", count: 1_000)
        message.htmlBody = "<p>" + String(repeating: "b", count: 3_000) + "</p>"
        message.subject = String(repeating: "word ", count: 300)
        let bytes = try MessageWriter(boundaries: SeededBoundaryGenerator(seed: 9)).render(message)
        try WireRules.check(bytes)
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        let parsed = MessageReader.parse(bytes)
        #expect(parsed.bestText == RoundTripExpectation.text(message.textBody))
        #expect(parsed.subject == message.subject)
    }

    @Test func boundaryThatCollidesIsReplaced() throws {
        struct Colliding: BoundaryGenerator {
            let first = Counter()
            func makeBoundary() -> String { first.next() == 0 ? "collide" : "fresh" }
        }
        var message = GoldenMessages.htmlAlternative
        message.textBody = "a line\n--collide\n"
        let text = String(decoding: try MessageWriter(boundaries: Colliding()).render(message), as: UTF8.self)
        #expect(text.contains("boundary=\"fresh\""))
        #expect(MessageReader.parse(Array(text.utf8)).bestText == "a line\n--collide\n")
    }
}

/// A tiny thread-safe counter for test generators.
final class Counter: Sendable {
    private let box = BoundaryCounter()
    func next() -> UInt64 { box.next() }
}

/// What the reader is expected to give back for a written text body.
enum RoundTripExpectation {
    static func text(_ body: String) -> String {
        let lf = LineSplitter.normalizeToLF(body)
        return lf.hasSuffix("\n") ? lf : lf + "\n"
    }
}

/// Wire-format rules every rendered message must obey.
enum WireRules {
    struct Violation: Error, CustomStringConvertible {
        var description: String
    }

    static func check(_ bytes: [UInt8]) throws {
        var lineLength = 0
        for (i, b) in bytes.enumerated() {
            if b == 10 {
                guard i > 0, bytes[i - 1] == 13 else { throw Violation(description: "bare LF at \(i)") }
                lineLength = 0
            } else if b == 13 {
                guard i + 1 < bytes.count, bytes[i + 1] == 10 else { throw Violation(description: "bare CR at \(i)") }
            } else {
                lineLength += 1
                if b == 0 { throw Violation(description: "NUL at \(i)") }
                if lineLength > 998 { throw Violation(description: "line over 998 octets at \(i)") }
            }
        }
        guard bytes.suffix(2) == [13, 10] else { throw Violation(description: "does not end with CRLF") }
        guard let headerEnd = String(decoding: bytes, as: UTF8.self).range(of: "\r\n\r\n") else {
            throw Violation(description: "no blank line after headers")
        }
        let head = String(decoding: bytes, as: UTF8.self)[..<headerEnd.lowerBound]
        if head.unicodeScalars.contains(where: { $0.value > 127 }) { throw Violation(description: "8-bit byte in headers") }
    }
}
