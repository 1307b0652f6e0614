/// One part of a dotted key, with the position where it was written.
struct TOMLKeySegment {
    let name: String
    let line: Int
    let column: Int
}

/// A byte cursor over a TOML document that turns positions into 1-based lines and columns.
struct TOMLScanner {
    let bytes: [UInt8]
    var pos = 0
    private let lineStarts: [Int]
    /// The last position located by `locateCursor()`, so that locating moves forward in amortised constant time.
    private var located = (position: 0, line: 1, column: 1)

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == Byte.lf {
            starts.append(index + 1)
        }
        lineStarts = starts
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            pos = 3  // byte order mark
        }
    }

    /// Byte values the scanner cares about.
    enum Byte {
        static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
        static let quote: UInt8 = 0x22, hash: UInt8 = 0x23, apostrophe: UInt8 = 0x27
        static let plus: UInt8 = 0x2B, comma: UInt8 = 0x2C, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E
        static let colon: UInt8 = 0x3A, equals: UInt8 = 0x3D, backslash: UInt8 = 0x5C
        static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
        static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
    }

    var atEnd: Bool { pos >= bytes.count }

    /// The byte `offset` places after the cursor, or nil past the end.
    func peek(_ offset: Int = 0) -> UInt8? {
        let index = pos + offset
        return index >= 0 && index < bytes.count ? bytes[index] : nil
    }

    /// 1-based line and column (in Unicode scalars) of byte offset `position`.
    func location(of position: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        let end = min(position, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }

    /// Location of the cursor; counts columns from the previous call when it is on the same line.
    mutating func locateCursor() -> (line: Int, column: Int) {
        let previous = located
        var line = previous.line
        var column = previous.column
        var index = previous.position
        if pos < index || (line < lineStarts.count && lineStarts[line] <= pos) {
            (line, column) = location(of: pos)
        } else {
            while index < pos {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        located = (pos, line, column)
        return (line, column)
    }

    func error(_ message: String, at position: Int) -> TOMLError {
        let (line, column) = location(of: position)
        return TOMLError(line: line, column: column, message: message)
    }

    /// A readable name for the character at `position`, for "found ..." messages.
    func describe(at position: Int) -> String {
        guard position < bytes.count else { return "the end of the file" }
        let byte = bytes[position]
        switch byte {
        case Byte.lf: return "a newline"
        case Byte.cr: return "a carriage return without a line feed"
        case Byte.tab: return "a tab"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0..<0x20, 0x7F: return "control character \(Self.hex(byte))"
        default:
            let end = min(position + 4, bytes.count)
            let text = String(decoding: bytes[position..<end], as: UTF8.self)
            return text.first.map { "'\($0)'" } ?? "an invalid character"
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// True for control characters TOML forbids in strings and comments (everything below U+0020 but tab, and U+007F).
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != Byte.tab) || byte == 0x7F
    }

    mutating func skipSpaces() {
        while let byte = peek(), byte == Byte.space || byte == Byte.tab {
            pos += 1
        }
    }

    /// Consumes LF or CRLF; returns false (consuming nothing) if the cursor is not at a newline.
    mutating func consumeNewline() -> Bool {
        if peek() == Byte.lf {
            pos += 1
            return true
        }
        if peek() == Byte.cr, peek(1) == Byte.lf {
            pos += 2
            return true
        }
        return false
    }

    /// Skips a comment if one starts here, up to (not including) the newline.
    mutating func skipComment() throws(TOMLError) {
        guard peek() == Byte.hash else { return }
        while let byte = peek(), byte != Byte.lf {
            if byte == Byte.cr, peek(1) == Byte.lf { return }
            if Self.isForbiddenControl(byte) {
                throw error("\(describe(at: pos)) is not allowed in a comment", at: pos)
            }
            pos += 1
        }
    }

    /// Skips spaces, comments and newlines.
    mutating func skipBlanks() throws(TOMLError) {
        repeat {
            skipSpaces()
            try skipComment()
        } while consumeNewline()
    }

    /// Requires the rest of the line to be blank or a comment, then consumes the newline.
    mutating func expectLineEnd(after what: String) throws(TOMLError) {
        skipSpaces()
        try skipComment()
        if atEnd || consumeNewline() { return }
        throw error("unexpected \(describe(at: pos)) after \(what); expected a newline or a comment", at: pos)
    }

    /// A key of one or more dot-separated bare or quoted parts, with surrounding spaces skipped.
    mutating func parseKey() throws(TOMLError) -> [TOMLKeySegment] {
        var segments: [TOMLKeySegment] = []
        while true {
            skipSpaces()
            segments.append(try parseSimpleKey())
            if segments.count > TOMLLimits.maxDepth {
                throw error("key has more than \(TOMLLimits.maxDepth) dotted parts", at: pos)
            }
            skipSpaces()
            guard peek() == Byte.dot else { return segments }
            pos += 1
        }
    }

    private mutating func parseSimpleKey() throws(TOMLError) -> TOMLKeySegment {
        let start = pos
        let (line, column) = locateCursor()
        let name: String
        switch peek() {
        case Byte.quote?:
            if peek(1) == Byte.quote, peek(2) == Byte.quote {
                throw error("a multi-line string cannot be used as a key", at: start)
            }
            name = try parseBasicString()
        case Byte.apostrophe?:
            if peek(1) == Byte.apostrophe, peek(2) == Byte.apostrophe {
                throw error("a multi-line string cannot be used as a key", at: start)
            }
            name = try parseLiteralString()
        case let byte? where TOMLKeyPath.isBareKeyByte(byte):
            while let next = peek(), TOMLKeyPath.isBareKeyByte(next) {
                pos += 1
            }
            name = String(decoding: bytes[start..<pos], as: UTF8.self)
        default:
            throw error("expected a key, found \(describe(at: pos))", at: pos)
        }
        return TOMLKeySegment(name: name, line: line, column: column)
    }
}
