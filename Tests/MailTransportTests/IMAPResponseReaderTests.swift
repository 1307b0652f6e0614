import MailCore
@testable import MailTransport
import Testing

/// The response reader takes literals by their announced size from the first byte, whatever the
/// stream looks like and however it is cut into pieces.
@Suite("Reading IMAP responses as they arrive")
struct IMAPResponseReaderTests {
    /// A stream with literals that hold what a response looks like: tagged lines, `* BYE`, `{N}`
    /// announcements, bare CR and LF, and a literal of zero bytes.
    static let hostileBodies = [
        "Subject: a\r\n\r\nF3 OK FETCH completed\r\n* BYE not really\r\n",
        "ends in an announcement {99}\r\n",
        "",
        "lone\rcarriage\nreturns\r\n{5}\r\nx",
        String(repeating: "F12 NO [SERVERBUG] looks real\r\n", count: 200),
    ]

    static var stream: [UInt8] {
        var text = "* 3 EXISTS\r\n"
        for (index, body) in hostileBodies.enumerated() {
            text += "* \(index + 1) FETCH (UID \(index + 10) FLAGS (\\Answered) BODY[] {\(body.utf8.count)}\r\n\(body))\r\n"
        }
        text += "* SEARCH " + (1...3_000).map(String.init).joined(separator: " ") + "\r\n"
        text += "F3 OK Fetch completed\r\n"
        return Array(text.utf8)
    }

    /// Reads `stream` handed over in the pieces `sizes` picks, until it runs out.
    static func read(_ stream: [UInt8], pieces sizes: () -> Int) throws -> [IMAPResponse] {
        var reader = IMAPResponseReader()
        var responses: [IMAPResponse] = []
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + max(1, sizes()))
            reader.append(Array(stream[offset..<end]))
            offset = end
            while let response = try reader.next() { responses.append(response) }
        }
        #expect(reader.isEmpty, "nothing is left over")
        return responses
    }

    @Test("every literal arrives exactly, and only the real completion ends the stream")
    func literalsAreExact() throws {
        let responses = try Self.read(Self.stream) { Int.max }
        #expect(responses.count == Self.hostileBodies.count + 3)
        let fetched = responses.compactMap { IMAPFetchItem($0) }
        #expect(fetched.map(\.body) == Self.hostileBodies.map { Array($0.utf8) })
        #expect(fetched.map(\.uid) == (10..<15).map { UInt32($0) })
        #expect(responses.filter { if case .tagged = $0.kind { return true } else { return false } }.count == 1)
        #expect(responses.last?.status == "OK")
    }

    @Test("a stream read one byte at a time, or in seeded random pieces, gives the same responses", arguments: [1, 2, 3, 5, 8])
    func anyCut(seed: UInt64) throws {
        let whole = try Self.read(Self.stream) { Int.max }
        #expect(try Self.read(Self.stream) { 1 } == whole)
        var random = SplitMix64(seed: seed)
        #expect(try Self.read(Self.stream) { 1 + Int(random.next() % 700) } == whole)
    }

    @Test("a response cut short is reported as unfinished, with what arrived")
    func unfinished() throws {
        var reader = IMAPResponseReader()
        reader.append(Array("* 1 FETCH (UID 3 BODY[] {500}\r\nshort".utf8))
        #expect(try reader.next() == nil)
        let unfinished = reader.unfinished()
        let rest = try #require(unfinished)
        #expect(!rest.isComplete)
        #expect(rest.literals == [Array("short".utf8)])
        #expect(reader.isEmpty)
    }

    @Test("lines and literals beyond the limits are refused, not buffered without end")
    func limits() throws {
        var reader = IMAPResponseReader(maxLineBytes: 100, maxLiteralBytes: 1_000)
        reader.append(Array(("* SEARCH " + String(repeating: "1 ", count: 100)).utf8))
        #expect(throws: IMAPResponseReader.Failure.lineTooLong(209)) { try reader.next() }
        var literal = IMAPResponseReader(maxLineBytes: 100, maxLiteralBytes: 1_000)
        literal.append(Array("* 1 FETCH (BODY[] {1001}\r\n".utf8))
        #expect(throws: IMAPResponseReader.Failure.literalTooLarge(1_001)) { try literal.next() }
    }

    @Test("seeded random mutations of the stream never trap, in the reader or in reading FETCH items, and every response is whole or reported")
    func mutations() {
        let original = Self.stream
        let alphabet = Array("{}0123456789+~\r\n *F OK()[]\"\\".utf8)
        for seed in 1...2_000 {
            var random = SplitMix64(seed: UInt64(seed))
            var mutated = original
            for _ in 0..<(1 + Int(random.next() % 12)) {
                let at = Int(random.next() % UInt64(mutated.count))
                switch Int(random.next() % 3) {
                case 0: mutated[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: mutated.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                default: mutated.remove(at: at)
                }
            }
            var reader = IMAPResponseReader(maxLineBytes: 1 << 20, maxLiteralBytes: 1 << 20)
            reader.append(mutated)
            var total = 0
            while let response = try? reader.next() {
                total += response.literals.reduce(0) { $0 + $1.count }
                _ = IMAPFetchItem(response)  // the items of a FETCH, cut anywhere, are read without trapping
            }
            _ = reader.unfinished().flatMap(IMAPFetchItem.init)
            #expect(total <= mutated.count, "seed \(seed): literals never hold more than arrived")
        }
    }
}
