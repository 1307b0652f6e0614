/// The parts of a `* n FETCH (...)` response we use: UID, flags, size and the body (or body
/// section) literal.
///
/// Reads the attribute list item by item on its bytes (RFC 9051 `msg-att`), so a word inside one
/// item's value (a flag, a header field name in `BODY[HEADER.FIELDS (...)]`) is never taken for
/// another item's name.
struct IMAPFetchItem {
    let uid: UInt32?
    let flags: [String]
    let body: [UInt8]?
    /// RFC822.SIZE, when asked for.
    let size: Int?

    /// Reads a FETCH response; nil when `response` is not one.
    init?(_ response: IMAPResponse) {
        guard response.kind == .untagged else { return nil }
        var scanner = Scanner(Array(response.text.utf8))
        guard scanner.number() != nil, scanner.skip(" "), scanner.word().uppercased() == "FETCH", scanner.skip(" "), scanner.skip("(")
        else { return nil }
        var uid: UInt32?
        var flags: [String] = []
        var size: Int?
        var body: [UInt8]?
        var literalsBefore = 0
        while !scanner.atEnd {
            while scanner.skip(" ") {}
            if scanner.skip(")") || scanner.atEnd { break }
            let name = scanner.word().uppercased()
            let hasSection = scanner.skipBracketed("[", "]")
            if hasSection { _ = scanner.skipBracketed("<", ">") }
            guard !name.isEmpty || hasSection, scanner.skip(" ") else { break }
            let value = scanner.value()
            switch name {
            case "UID": uid = UInt32(value.text)
            case "RFC822.SIZE": size = Int(value.text)
            case "FLAGS": flags = value.text.dropFirst().dropLast().split(separator: " ").map(String.init)
            case "BODY", "BODY.PEEK", "BINARY", "RFC822":
                guard hasSection || name == "RFC822" else { break }  // BODY without a section is the structure
                if value.literals > 0, literalsBefore < response.literals.count {
                    body = response.literals[literalsBefore]
                } else if value.text.hasPrefix("\"") {
                    body = Array(value.text.utf8.dropFirst().dropLast())  // a quoted string: a short (often empty) section
                }
            default: break
            }
            literalsBefore += value.literals
        }
        self.uid = uid
        self.flags = flags
        self.size = size
        self.body = body
    }

    /// A cursor over the bytes of a FETCH response's text.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }

        /// Skips `character` when it comes next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// A run of digits.
        mutating func number() -> Int? {
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return index > start ? Int(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
        }

        /// An item name: up to a space, a bracket or a parenthesis.
        mutating func word() -> String {
            let start = index
            while index < bytes.count, ![32, 40, 41, 91, 60].contains(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Skips `open ... close` when it comes next (a section or a partial origin).
        mutating func skipBracketed(_ open: Unicode.Scalar, _ close: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: open) else { return false }
            while index < bytes.count, bytes[index] != UInt8(ascii: close) { index += 1 }
            if index < bytes.count { index += 1 }
            return true
        }

        /// One value: a parenthesised list, a quoted string, a literal's `{N}` or an atom; its
        /// text and how many literals it holds.
        mutating func value() -> (text: String, literals: Int) {
            let start = index
            var depth = 0
            var literals = 0
            var quoted = false
            while index < bytes.count {
                let byte = bytes[index]
                if quoted {
                    if byte == 92 { index += 1 } else if byte == 34 { quoted = false }
                } else {
                    switch byte {
                    case 34: quoted = true
                    case 40: depth += 1
                    case 41:
                        if depth == 0 { return (String(decoding: bytes[start..<index], as: UTF8.self), literals) }
                        depth -= 1
                    case 123:
                        // {N} or {N+}: the literal itself was cut out of the text.
                        literals += 1
                        while index < bytes.count, bytes[index] != 125 { index += 1 }
                    case 32 where depth == 0:
                        return (String(decoding: bytes[start..<index], as: UTF8.self), literals)
                    default: break
                    }
                }
                index = min(index + 1, bytes.count)  // an escape or an unclosed `{` may have run to the end
                if depth == 0, !quoted, index > start, bytes[start] == 40 || bytes[start] == 34 || bytes[start] == 123 {
                    return (String(decoding: bytes[start..<index], as: UTF8.self), literals)
                }
            }
            return (String(decoding: bytes[start..<index], as: UTF8.self), literals)
        }
    }
}
