import Foundation
import Testing
@testable import MailCore

/// The writer's exact bytes (and exact errors) over thousands of seeded, partly hostile messages, pinned as SHA-256
/// digests in Fixtures/writer-digests.txt. The digests were taken from the String-based writer before it was rewritten
/// over UTF-8 bytes; run with UPDATE_GOLDEN=1 only when a change of output is intended.
@Suite struct WriterDigestTests {
    static let seeds: [UInt64] = [21, 22, 23, 24, 25, 26, 27, 28]
    static let blocksPerSeed = 7
    static let messagesPerBlock = 100

    static func kind(_ error: MessageWriterError) -> String {
        switch error {
        case .forbiddenCharacter: return "forbiddenCharacter"
        case .invalidAddress: return "invalidAddress"
        case .invalidMessageID: return "invalidMessageID"
        case .invalidHeaderName: return "invalidHeaderName"
        case .forbiddenHeader: return "forbiddenHeader"
        case .invalidUnsubscribe: return "invalidUnsubscribe"
        case .lineTooLong: return "lineTooLong"
        case .noRecipients: return "noRecipients"
        case .boundaryUnusable: return "boundaryUnusable"
        }
    }

    static func render(_ message: OutgoingMessage, _ boundaries: any BoundaryGenerator) -> Result<[UInt8], MessageWriterError> {
        do { return .success(try MessageWriter(boundaries: boundaries).render(message)) } catch { return .failure(error) }
    }

    /// Every digest this suite computes, by name, in a fixed order.
    static func digests() -> [(name: String, hex: String, kinds: [String: Int], rendered: Int)] {
        var result: [(name: String, hex: String, kinds: [String: Int], rendered: Int)] = []
        for seed in seeds {
            var source = HostileMessages(seed: seed)
            for block in 0..<blocksPerSeed {
                var transcript: [UInt8] = []
                var kinds: [String: Int] = [:]
                var rendered = 0
                for i in 0..<messagesPerBlock {
                    let iteration = block * messagesPerBlock + i
                    let message = source.message(iteration)
                    let boundaries = source.boundaries(seed &* 1000 &+ UInt64(iteration))
                    switch render(message, boundaries) {
                    case .success(let bytes):
                        rendered += 1
                        transcript += bytes
                    case .failure(let error):
                        kinds[kind(error), default: 0] += 1
                        transcript += Array("ERROR \(kind(error)): \(error.description)".utf8)
                    }
                    transcript += Array("\n#\(iteration)#\n".utf8)
                }
                result.append(("messages-\(seed)-\(block)", SHA256.hex(SHA256.digest(transcript)), kinds, rendered))
            }
        }
        var gen = RandomText(seed: 77)
        for block in 0..<3 {
            var transcript = ""
            for _ in 0..<1000 {
                let text = gen.chance(10) ? String(repeating: "👨‍👩‍👧‍👦e\u{301}", count: gen.int(12)) : gen.line(maxPieces: 50)
                let first = gen.int(100) - 10, rest = gen.int(100) - 10
                transcript += RFC2047.encodeWords(text, firstWordLimit: first, wordLimit: rest).joined(separator: " ") + "\n"
            }
            result.append(("encoded-words-\(block)", SHA256.hexDigest(transcript), [:], 0))
        }
        var source = HostileMessages(seed: 78)
        let pieces = ["a", "a", "a", " ", "\t", "=", "ü", "\u{1}", "F", "From ", ".", "\n", "\r", "~"]
        for block in 0..<4 {
            var transcript = ""
            for _ in 0..<1000 {
                let text = block < 2 ? source.body() : (0..<source.gen.int(240)).map { _ in pieces[source.gen.int(pieces.count)] }.joined()
                transcript += QuotedPrintable.encode(text) + "\n#\n" + LineSplitter.lines(of: text).joined(separator: "\n#\n") + "\n##\n"
            }
            result.append(("quoted-printable-\(block)", SHA256.hexDigest(transcript), [:], 0))
        }
        var rng = SplitMix64(seed: 79)
        var dates = ""
        for i in 0..<5000 {
            let seconds = i < 8 ? [-1e12, 1e13, -0.5, 0, 86_399.9, -62_000_000_001, 250_000_000_001, 1e300][i]
                : Double(Int64(bitPattern: rng.next()) % 300_000_000_000) + (i % 3 == 0 ? 0.25 : 0)
            let offset = Int(Int64(bitPattern: rng.next()) % 200_000)
            dates += RFC5322Date.format(Date(timeIntervalSince1970: seconds), utcOffsetSeconds: offset) + "\n"
        }
        result.append(("dates", SHA256.hexDigest(dates), [:], 0))
        return result
    }

    @Test func outputMatchesPinnedDigests() throws {
        let computed = Self.digests()
        let text = computed.map { "\($0.name) \($0.hex)" }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: FixtureFiles.sourceRoot.appendingPathComponent("writer-digests.txt"))
            return
        }
        let pinned = String(decoding: try FixtureFiles.bytes("writer-digests.txt"), as: UTF8.self)
        var expected: [String: String] = [:]
        for line in pinned.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { expected[String(parts[0])] = String(parts[1]) }
        }
        #expect(expected.count == computed.count)
        for entry in computed {
            #expect(expected[entry.name] == entry.hex, "\(entry.name): output differs from the pinned digest")
        }
        // The generator must keep reaching every error and mostly rendering, or the digests pin little.
        var kinds: [String: Int] = [:]
        for entry in computed { kinds.merge(entry.kinds, uniquingKeysWith: +) }
        #expect(kinds.count == 9, "error kinds reached: \(kinds)")
        #expect(computed.map(\.rendered).reduce(0, +) > 2_500)
    }
}
