import Foundation
import MailCore
import TestSupport
import Testing

/// Messages built to exhaust a parser: each is classified by the real binary (`followup classify`)
/// in its own process, which must finish in bounded time and memory with a valid answer.
@Suite("hostile messages: bounded time and memory", .serialized)
struct HostileMessageTests {
    static let head = "From: Ana <ana@example.test>\r\nTo: sales@example.test\r\nSubject: Re: hello\r\nMessage-ID: <hostile@example.test>\r\n"
    static let megabyte = 1 << 20

    /// One hostile message: its name and how to write it (as bytes, to a file).
    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let build: @Sendable () -> [UInt8]
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "100,000 header fields") {
            var text = head
            for index in 0..<100_000 { text += "X-Field-\(index): value \(index)\r\n" }
            return Array((text + "\r\nNot interested, thanks.\r\n").utf8)
        },
        Shape(name: "a 50 MB plain-text body") {
            let line = Array("Not interested. Not interested. Not interested. Not interested.\r\n".utf8)
            var bytes = Array((head + "\r\n").utf8)
            bytes.reserveCapacity(50 * megabyte + 200)
            while bytes.count < 50 * megabyte { bytes += line }
            return bytes
        },
        Shape(name: "a 50 MB base64 attachment after the text") {
            var bytes = Array((head + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nNo thanks.\r\n"
                + "--B\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n").utf8)
            let line = Array((String(repeating: "QUJDRA", count: 12) + "\r\n").utf8)
            while bytes.count < 50 * megabyte { bytes += line }
            return bytes + Array("--B--\r\n".utf8)
        },
        Shape(name: "a 50 MB body on one line") {
            Array((head + "\r\n").utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 50 * megabyte)
        },
        Shape(name: "10,000 nested multiparts") {
            var text = head
            for index in 0..<10_000 { text += "Content-Type: multipart/mixed; boundary=\"b\(index)\"\r\n\r\n--b\(index)\r\n" }
            return Array((text + "Content-Type: text/plain\r\n\r\nremove me\r\n").utf8)
        },
        Shape(name: "10,000 nested messages") {
            Array((head + String(repeating: "Content-Type: message/rfc822\r\n\r\n", count: 10_000) + "Subject: x\r\n\r\nbody\r\n").utf8)
        },
        Shape(name: "invalid UTF-8 and NUL bytes everywhere") {
            var random = SplitMix64(seed: 99)
            var bytes = Array(head.utf8) + [0x53, 0x75, 0x62, 0x3A, 0x20, 0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x0D, 0x0A, 0x0D, 0x0A]
            for index in 0..<(8 * megabyte) {
                let value = random.next()
                if index % 200 == 199 {
                    bytes += [0x0D, 0x0A]
                } else {
                    bytes.append(value % 16 == 0 ? 0 : UInt8(truncatingIfNeeded: value >> 8) | 0x80)
                }
            }
            return bytes
        },
        Shape(name: "a 10 MB header line") {
            Array((head + "X-Long: " + String(repeating: "=?utf-8?Q?=C3=A9?= ", count: 10 * megabyte / 20) + "\r\n\r\nNo.\r\n").utf8)
        },
    ]

    @Test("classify finishes with an answer, within bounded time and memory", arguments: shapes)
    func boundedClassification(shape: Shape) throws {
        let directory = try FollowUpBinary.temporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = shape.build()
        let path = directory + "/message.eml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let clock = ContinuousClock()
        let started = clock.now
        let result = try FollowUpBinary.runMeasured(["classify", path, "--json"])
        let elapsed = clock.now - started
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["intent"] != nil, "a JSON answer with an intent: \(result.stdout.prefix(300))")
        #expect(elapsed < .seconds(90), "\(shape.name) took \(elapsed)")
        // Peak memory: a small multiple of the input, never what the input claims. Not under
        // AddressSanitizer, which keeps freed memory in quarantine (256 MB) and adds shadow memory.
        guard !FollowUpBinary.path.contains("asan"), ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil else { return }
        let peakMB = result.peakKiB / 1024
        let limitMB = 3 * bytes.count / Self.megabyte + 100
        #expect(peakMB < limitMB, "\(shape.name): peak \(peakMB) MB for \(bytes.count / Self.megabyte) MB of input (limit \(limitMB) MB)")
    }
}
