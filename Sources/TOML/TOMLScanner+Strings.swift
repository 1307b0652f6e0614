extension TOMLScanner {
    /// A `"..."` string with escapes; the cursor is on the opening quote.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated string; add the closing '\"'", at: start)
            }
            switch byte {
            case Byte.quote:
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case Byte.backslash:
                try appendEscape(to: &out)
            case Byte.lf, Byte.cr:
                throw error("unterminated string; a \"...\" string must close on its own line (use \"\"\" for several lines)", at: start)
            default:
                try appendPlain(byte, to: &out, in: "a string")
            }
        }
    }

    /// A `"""..."""` string with escapes and line-ending backslashes; the cursor is on the first quote.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let start = pos
        pos += 3
        _ = consumeNewline()
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line string; add the closing '\"\"\"'", at: start)
            }
            if byte == Byte.quote {
                if try closeMultiline(quote: Byte.quote, into: &out) { return String(decoding: out, as: UTF8.self) }
            } else if byte == Byte.backslash {
                var look = 1
                while let next = peek(look), next == Byte.space || next == Byte.tab {
                    look += 1
                }
                if peek(look) == Byte.lf || (peek(look) == Byte.cr && peek(look + 1) == Byte.lf) {
                    pos += look
                    skipWhitespaceAndNewlines()
                } else {
                    try appendEscape(to: &out)
                }
            } else if consumeNewline() {
                out.append(Byte.lf)
            } else {
                try appendPlain(byte, to: &out, in: "a multi-line string")
            }
        }
    }

    /// A `'...'` string without escapes; the cursor is on the opening apostrophe.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated string; add the closing \"'\"", at: start)
            }
            switch byte {
            case Byte.apostrophe:
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case Byte.lf, Byte.cr:
                throw error("unterminated string; a '...' string must close on its own line (use ''' for several lines)", at: start)
            default:
                try appendPlain(byte, to: &out, in: "a string")
            }
        }
    }

    /// A `'''...'''` string without escapes; the cursor is on the first apostrophe.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let start = pos
        pos += 3
        _ = consumeNewline()
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line string; add the closing \"'''\"", at: start)
            }
            if byte == Byte.apostrophe {
                if try closeMultiline(quote: Byte.apostrophe, into: &out) { return String(decoding: out, as: UTF8.self) }
            } else if consumeNewline() {
                out.append(Byte.lf)
            } else {
                try appendPlain(byte, to: &out, in: "a multi-line string")
            }
        }
    }

    /// Handles a run of quote bytes inside a multi-line string; returns true if the run closed the string.
    private mutating func closeMultiline(quote: UInt8, into out: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == quote {
            run += 1
        }
        if run > 5 {
            throw error("too many quotes in a row: a multi-line string may end with at most two extra quotes", at: pos)
        }
        let kept = run >= 3 ? run - 3 : run
        out.append(contentsOf: repeatElement(quote, count: kept))
        pos += run
        return run >= 3
    }

    private mutating func skipWhitespaceAndNewlines() {
        while let byte = peek() {
            if byte == Byte.space || byte == Byte.tab {
                pos += 1
            } else if !consumeNewline() {
                return
            }
        }
    }

    /// Appends one literal byte, rejecting control characters.
    private mutating func appendPlain(_ byte: UInt8, to out: inout [UInt8], in context: String) throws(TOMLError) {
        if Self.isForbiddenControl(byte) {
            throw error("\(describe(at: pos)) is not allowed in \(context); write it as an escape such as \\u\(Self.hex(byte).dropFirst(2))", at: pos)
        }
        out.append(byte)
        pos += 1
    }

    /// Decodes the escape sequence at the cursor (on the backslash) and appends its UTF-8 bytes.
    private mutating func appendEscape(to out: inout [UInt8]) throws(TOMLError) {
        let start = pos
        guard let letter = peek(1) else {
            throw error("unterminated string ending in a backslash", at: start)
        }
        pos += 2
        switch letter {
        case 0x62: out.append(0x08)  // \b
        case 0x74: out.append(Byte.tab)  // \t
        case 0x6E: out.append(Byte.lf)  // \n
        case 0x66: out.append(0x0C)  // \f
        case 0x72: out.append(Byte.cr)  // \r
        case Byte.quote, Byte.backslash: out.append(letter)
        case 0x75, 0x55:  // \u and \U
            let count = letter == 0x75 ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = peek(), let digitValue = Character(Unicode.Scalar(digit)).hexDigitValue, digit < 0x80 else {
                    throw error("\\\(Character(Unicode.Scalar(letter))) must be followed by exactly \(count) hexadecimal digits", at: start)
                }
                value = value * 16 + UInt32(digitValue)
                pos += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("escape \\\(Character(Unicode.Scalar(letter)))\(String(value, radix: 16, uppercase: true)) is not a valid Unicode scalar value", at: start)
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
        default:
            pos = start
            throw error("invalid escape sequence '\\' followed by \(describe(at: start + 1)); valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX", at: start)
        }
    }
}
