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

    /// Splits a whole server stream into responses (see `IMAPResponseReader`). Never reads past
    /// the end: a response cut short keeps what arrived and is marked incomplete.
    static func parse(_ bytes: [UInt8]) -> [IMAPResponse] {
        var reader = IMAPResponseReader(maxLineBytes: .max, maxLiteralBytes: .max)
        reader.append(bytes)
        var responses: [IMAPResponse] = []
        while let response = try? reader.next() { responses.append(response) }
        if let rest = reader.unfinished() { responses.append(rest) }
        return responses
    }

    /// A response from its text line (literals replaced by their `{N}`) and its literals.
    init(line: [UInt8], literals: [[UInt8]]) {
        let text = String(decoding: line, as: UTF8.self)
        self.literals = literals
        if text.hasPrefix("* ") {
            kind = .untagged
            self.text = String(text.dropFirst(2))
        } else if text.hasPrefix("+") {
            kind = .continuation
            self.text = String(text.dropFirst().drop(while: { $0 == " " }))
        } else {
            let parts = text.split(separator: " ", maxSplits: 1)
            kind = .tagged(parts.first.map(String.init) ?? "")
            self.text = parts.count > 1 ? String(parts[1]) : ""
        }
    }
}
