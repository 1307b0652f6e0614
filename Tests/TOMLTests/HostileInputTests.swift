import Testing
@testable import TOML

/// A small deterministic random generator (SplitMix64) so failures can be replayed from the seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Hostile input never crashes or hangs")
struct HostileInputTests {
    /// Fragments that tend to reach the parser's corner cases.
    static let palette: [String] = [
        "\"", "'", "\"\"\"", "'''", "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "#", "\\", "\\u", "\\U0010FFFF",
        "\n", "\r\n", "\r", "\t", " ", "\u{0}", "\u{7F}", "\u{E9}", "\u{1F600}", "0x", "0o7", "0b2", "1e", "_", "+", "-",
        "inf", "nan", "true", "false", "1979-05-27", "T", "07:32:00", "Z", ":", "a", "a.b", "9999999999999999999",
    ]

    /// Applies one random edit to `bytes`.
    static func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...8, using: &generator))
            bytes.removeSubrange(min(position, end)..<end)
        case 1, 2:
            let fragment = palette.randomElement(using: &generator) ?? ""
            bytes.insert(contentsOf: Array(fragment.utf8), at: position)
        case 3 where position < bytes.count:
            bytes[position] = UInt8.random(in: 0...0x7F, using: &generator)
        case 4:
            let cut = Int.random(in: 0...bytes.count, using: &generator)
            let copyEnd = min(bytes.count, cut + Int.random(in: 1...40, using: &generator))
            bytes.insert(contentsOf: Array(bytes[cut..<copyEnd]), at: position)
        default:
            bytes.removeSubrange(position..<bytes.count)
        }
    }

    /// Checks that every position inside a parsed table lies within the text.
    static func positionsAreInBounds(_ table: TOMLTable, lineCount: Int) -> Bool {
        var pending: [TOMLNode] = table.keys.compactMap { table[$0] }
        while let node = pending.popLast() {
            guard (1...lineCount).contains(node.line), node.column >= 1 else { return false }
            switch node.value {
            case .array(let items): pending += items
            case .table(let child): pending += child.keys.compactMap { child[$0] }
            default: break
            }
        }
        return true
    }

    @Test("thousands of seeded mutations of valid documents each return a table or an error", arguments: [1, 2, 3])
    func mutations(seed: UInt64) throws {
        let samples = [try fixture("everything.toml"), try fixture("followup.toml")]
        var generator = SeededGenerator(seed: seed)
        var parsed = 0
        var rejected = 0
        for _ in 0..<2_000 {
            var bytes = Array((samples.randomElement(using: &generator) ?? "").utf8)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                Self.mutate(&bytes, using: &generator)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let lineCount = text.utf8.count { $0 == 0x0A } + 1
            do {
                let table = try TOMLParser.parse(text)
                parsed += 1
                #expect(Self.positionsAreInBounds(table, lineCount: lineCount), "seed \(seed): \(text.debugDescription)")
            } catch {
                rejected += 1
                #expect((1...lineCount).contains(error.line) && error.column >= 1, "seed \(seed): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed > 100, "mutations should leave some documents valid")
        #expect(rejected > 100, "mutations should break some documents")
    }

    @Test("random strings of TOML punctuation each return a table or an error")
    func randomFragments() {
        var generator = SeededGenerator(seed: 42)
        var rejected = 0
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...30, using: &generator)
            let text = (0..<count).map { _ in Self.palette.randomElement(using: &generator) ?? "" }.joined()
            if let error = parseError(text) {
                rejected += 1
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
        #expect(rejected > 1_000)
    }
}

@Suite("Large inputs stay fast")
struct LargeInputTests {
    @Test("long lines, many headers and many small arrays parse in linear time")
    func largeDocuments() throws {
        let longLine = "a = [" + String(repeating: "[1, \"x\"], ", count: 50_000) + "]"
        guard case .array(let items)? = try TOMLParser.parse(longLine)["a"]?.value else {
            Issue.record("a is not an array")
            return
        }
        #expect(items.count == 50_000)
        #expect(items.last?.column == 5 + 49_999 * 10 + 1)

        let headers = String(repeating: "[[step]]\nn = 1\n", count: 20_000)
        guard case .array(let steps)? = try TOMLParser.parse(headers)["step"]?.value else {
            Issue.record("step is not an array")
            return
        }
        #expect(steps.count == 20_000)
        #expect(steps.last?.line == 39_999)
    }
}
