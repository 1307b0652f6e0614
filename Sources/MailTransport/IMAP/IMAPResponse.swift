/// One server response from an IMAP dialogue, with its literals cut out.
struct IMAPResponse: Sendable, Equatable {
    /// Whether the response is untagged (`*`), a continuation (`+`) or tagged with our tag.
    enum Kind: Sendable, Equatable {
        case untagged
        case continuation
        case tagged(String)
    }

    let kind: Kind
    /// The response text after the tag (or `*`), with each literal replaced by `{N}`.
    let text: String
    /// The literals in order of appearance (message bodies, for FETCH).
    let literals: [[UInt8]]
    /// False when the stream ended inside a literal: fewer bytes arrived than the literal announced.
    var isComplete = true

    /// For a tagged response: `OK`, `NO` or `BAD` (uppercased); nil otherwise.
    var status: String? {
        guard case .tagged = kind else { return nil }
        return text.split(separator: " ").first.map { $0.uppercased() }
    }

    /// Splits a raw server stream into responses. Literals (`{N}` at a line's end followed by N
    /// bytes) stay inside their response. Never reads past the end: a truncated literal keeps what
    /// arrived.
    static func parse(_ bytes: [UInt8]) -> [IMAPResponse] {
        var responses: [IMAPResponse] = []
        var index = 0
        while index < bytes.count {
            var text: [UInt8] = []
            var literals: [[UInt8]] = []
            var complete = true
            while index < bytes.count {
                let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                var line = bytes[index..<lineEnd]
                index = min(lineEnd + 1, bytes.count)
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                text.append(contentsOf: line)
                guard let size = literalSize(line) else { break }
                let end = min(index + size, bytes.count)
                if size > bytes.count - index { complete = false }
                literals.append(Array(bytes[index..<end]))
                index = end
            }
            guard !text.isEmpty else { continue }
            var response = make(text, literals)
            response.isComplete = complete
            responses.append(response)
        }
        return responses
    }

    private static func make(_ line: [UInt8], _ literals: [[UInt8]]) -> IMAPResponse {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("* ") { return IMAPResponse(kind: .untagged, text: String(text.dropFirst(2)), literals: literals) }
        if text.hasPrefix("+") { return IMAPResponse(kind: .continuation, text: String(text.dropFirst().drop(while: { $0 == " " })), literals: literals) }
        let parts = text.split(separator: " ", maxSplits: 1)
        return IMAPResponse(kind: .tagged(parts.first.map(String.init) ?? ""),
                            text: parts.count > 1 ? String(parts[1]) : "", literals: literals)
    }

    /// N when `line` ends with `{N}` or `{N+}`.
    private static func literalSize(_ line: ArraySlice<UInt8>) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.endIndex - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 10,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
