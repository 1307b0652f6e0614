import Foundation
import Testing
@testable import MailCore

/// Feeds the reader truncated, mutated and random inputs; it must always return, quickly, with a usable result.
@Suite struct ReaderFuzzTests {
    static func corpus() throws -> [[UInt8]] {
        var samples: [[UInt8]] = []
        for name in try FixtureFiles.names(in: "messages", withExtension: "eml") {
            samples.append(try FixtureFiles.bytes("messages/\(name).eml"))
        }
        for name in try FixtureFiles.names(in: "golden", withExtension: "eml") {
            samples.append(try FixtureFiles.bytes("golden/\(name).eml"))
        }
        return samples
    }

    static let tokens: [[UInt8]] = [
        "\r\n", "\n", "\r", "\r\n\r\n", "--", "--=_fu_", "=?", "?=", "=?utf-8?B?", "=?iso-8859-1?Q?=E9", "=", "=\r\n", "<", ">",
        "<blockquote>", "</blockquote>", "<script>", "<!--", "&#", "&#x", "&amp", "\"", "(", ")", ";", ":", "@",
        "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n", "Content-Type: message/rfc822\r\n\r\n",
        "Content-Transfer-Encoding: base64\r\n", "Content-Type: message/delivery-status\r\n\r\nAction: failed\r\n",
        "charset=\"x-unknown\"", "filename*0*=utf-8''%", "\u{0}", "\u{FF}",
    ].map { Array($0.utf8) } + [[0xFF, 0xFE], [0xC3], [0xE2, 0x82], [0x80, 0x81, 0x8D]]

    static func pick(_ rng: inout SplitMix64, _ upper: Int) -> Int {
        Int(rng.next(upperBound: UInt64(max(1, upper))))
    }

    static func touch(_ m: ParsedMessage) -> Int {
        var n = m.bestText.utf8.count + m.headers.count + (m.subject?.count ?? 0) + (m.from?.address.count ?? 0)
        n += m.to.count + m.references.count + m.inReplyTo.count + (m.messageID?.count ?? 0)
        n += (m.date == nil ? 0 : 1) + (m.deliveryStatus?.recipients.count ?? 0)
        for attached in m.attachedMessages.prefix(5) { n += attached.bestText.count + attached.headers.count }
        return n
    }

    @Test func truncatedInputs() throws {
        var rng = SplitMix64(seed: 11)
        var cases = 0
        for sample in try Self.corpus() {
            for _ in 0..<60 {
                let cut = Self.pick(&rng, sample.count + 1)
                _ = Self.touch(MessageReader.parse(Array(sample[..<cut])))
                _ = Self.touch(MessageReader.parse(Array(sample[cut...])))
                cases += 2
            }
        }
        #expect(cases >= 2_000)
    }

    @Test func mutatedInputs() throws {
        var rng = SplitMix64(seed: 12)
        let corpus = try Self.corpus()
        var cases = 0
        for sample in corpus {
            for _ in 0..<100 {
                var bytes = sample
                for _ in 0..<(1 + Self.pick(&rng, 8)) {
                    let at = Self.pick(&rng, bytes.count + 1)
                    switch Self.pick(&rng, 5) {
                    case 0 where at < bytes.count: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: bytes.insert(contentsOf: Self.tokens[Self.pick(&rng, Self.tokens.count)], at: at)
                    case 2 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + Self.pick(&rng, 40)))
                    case 3 where at < bytes.count:
                        let end = min(bytes.count, at + Self.pick(&rng, 200))
                        bytes.insert(contentsOf: bytes[at..<end], at: at)
                    default: bytes.insert(contentsOf: Self.tokens[Self.pick(&rng, Self.tokens.count)], at: at)
                    }
                }
                _ = Self.touch(MessageReader.parse(bytes))
                cases += 1
            }
        }
        #expect(cases >= 2_000)
    }

    @Test func randomInputs() {
        var rng = SplitMix64(seed: 13)
        for i in 0..<2_000 {
            let length = Self.pick(&rng, 600)
            var bytes: [UInt8] = []
            while bytes.count < length {
                if Self.pick(&rng, 3) == 0 {
                    bytes += Self.tokens[Self.pick(&rng, Self.tokens.count)]
                } else {
                    bytes.append(UInt8(truncatingIfNeeded: rng.next()))
                }
            }
            if i % 2 == 0 { bytes = Array("Content-Type: multipart/mixed; boundary=\"--\"\r\n\r\n".utf8) + bytes }
            _ = Self.touch(MessageReader.parse(bytes))
        }
    }

    @Test(arguments: [
        "deep-multipart", "deep-rfc822", "many-headers", "encoded-word-flood", "html-flood", "boundary-flood",
        "long-line", "quote-flood", "qp-flood",
    ])
    func hostileInputsFinishQuickly(kind: String) {
        _ = Self.hostileParseTime(kind: kind, size: 300_000)
    }

    /// Builds one hostile input of about `size` bytes and returns how long parsing it took.
    static func hostileParseTime(kind: String, size: Int) -> Duration {
        var text = ""
        switch kind {
        case "deep-multipart":
            for i in 0..<3_000 { text += "Content-Type: multipart/mixed; boundary=\"b\(i)\"\r\n\r\n--b\(i)\r\n" }
        case "deep-rfc822":
            text = String(repeating: "Content-Type: message/rfc822\r\n\r\n", count: 5_000) + "Subject: x\r\n\r\nbody"
        case "many-headers":
            text = String(repeating: "X-A: b\r\n c\r\n", count: size / 12) + "\r\nbody"
        case "encoded-word-flood":
            text = "Subject: " + String(repeating: "=?a?Q?", count: size / 6) + "\r\nFrom: " + String(repeating: "=?utf-8?B?QUJD?= ", count: size / 20) + "\r\n\r\n"
        case "html-flood":
            text = "Content-Type: text/html\r\n\r\n" + String(repeating: "<blockquote><div id=divRplyFwdMsg>&#x1F600;&amp<p>x<br>", count: size / 55)
                + String(repeating: "<script>", count: 1_000) + String(repeating: "<!--", count: 1_000)
        case "boundary-flood":
            text = "Content-Type: multipart/mixed; boundary=a\r\n\r\n" + String(repeating: "--a\r\n\r\n", count: size / 7)
        case "long-line":
            text = "Subject: " + String(repeating: "x", count: size) + "\r\n\r\n" + String(repeating: "y", count: size)
        case "quote-flood":
            text = "From: " + String(repeating: "\"(<,", count: size / 4) + "\r\nTo: " + String(repeating: "a@b, ", count: size / 5) + "\r\n\r\n"
        default:
            text = "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + String(repeating: "=\r\n=4=ZZ= \r\n", count: size / 12)
        }
        let clock = ContinuousClock()
        var result = 0
        let elapsed = clock.measure { result = Self.touch(MessageReader.parse(Array(text.utf8))) }
        #expect(result >= 0)
        #expect(elapsed < .seconds(20), "\(kind) took \(elapsed)")
        return elapsed
    }
}
