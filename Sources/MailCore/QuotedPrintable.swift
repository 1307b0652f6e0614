/// Quoted-printable (RFC 2045 §6.7) body encoding with 76-character lines, and tolerant decoding.
public enum QuotedPrintable {
    static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes text (any line ending) as quoted-printable with CRLF hard breaks and "=" soft breaks; output lines are at most 76 octets.
    public static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        text.withUTF8Bytes { bytes in
            out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
            var first = true
            LineSplitter.forEachLine(of: bytes, droppingFinalEmptyLine: false) { line in
                if !first {
                    out.append(13)
                    out.append(10)
                }
                appendLine(line, into: &out)
                first = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one encoded line (without its hard break): soft breaks keep output lines at most 76 octets.
    static func appendLine(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var lineLength = 0
        let last = bytes.count - 1
        var i = 0
        while i <= last {
            // A run of bytes written as they are, neither the first nor the last of the line: one column each, and a
            // soft break once 75 columns are used (the 76th is kept for the "=").
            var end = i
            if i > 0 {
                while end < last, isPlainLiteral(bytes[end]) { end += 1 }
            }
            var start = i
            while start < end {
                if lineLength >= 75 {
                    out.append(61)
                    out.append(13)
                    out.append(10)
                    lineLength = 0
                }
                let take = min(end - start, 75 - lineLength)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + take)]))
                lineLength += take
                start += take
            }
            if end > i {
                i = end
                continue
            }
            let b = bytes[i]
            let isLast = i == last
            let literal: Bool
            if b == 32 || b == 9 {
                literal = !isLast
            } else if b == 61 || b < 32 || b > 126 {
                literal = false
            } else if i == 0, b == UInt8(ascii: "F"), startsWithFrom(bytes) {
                literal = false  // keep mbox readers from mangling the line
            } else if i == 0, b == UInt8(ascii: "."), bytes.count == 1 {
                literal = false
            } else {
                literal = true
            }
            let width = literal ? 1 : 3
            // Reserve one column for a soft break unless this is the final piece of the line.
            if lineLength + width > (isLast ? 76 : 75) {
                out.append(61)
                out.append(13)
                out.append(10)
                lineLength = 0
            }
            if literal {
                out.append(b)
            } else {
                out.append(61)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 15)])
            }
            lineLength += width
            i += 1
        }
    }

    /// Bytes written as they are anywhere but at the end of a line: printable ASCII except "=", space and tab.
    static func isPlainLiteral(_ b: UInt8) -> Bool {
        (b >= 33 && b <= 126 && b != 61) || b == 32 || b == 9
    }

    /// Whether `bytes` begins with "From " (the mbox separator).
    static func startsWithFrom(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 5 && bytes[0] == UInt8(ascii: "F") && bytes[1] == UInt8(ascii: "r") && bytes[2] == UInt8(ascii: "o")
            && bytes[3] == UInt8(ascii: "m") && bytes[4] == 32
    }

    /// Decodes quoted-printable bytes: "=XX" escapes, soft breaks ("=" before CRLF, LF or CR), trailing whitespace on lines dropped; malformed "=" kept literally.
    public static func decode(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        var lineStartInOut = 0
        var protectedEnd = 0  // escaped bytes (e.g. "=20") are content, never trimmed
        while i < input.count {
            let b = input[i]
            if b == 61 {
                if let h = hexValue(at: i + 1, in: input), let l = hexValue(at: i + 2, in: input) {
                    out.append(h << 4 | l)
                    protectedEnd = out.count
                    i += 3
                    continue
                }
                // Soft line break: "=" then optional whitespace then a line end (or end of input).
                var j = i + 1
                while j < input.count, input[j] == 32 || input[j] == 9 { j += 1 }
                if j >= input.count { i = j; continue }
                if input[j] == 13 {
                    i = (j + 1 < input.count && input[j + 1] == 10) ? j + 2 : j + 1
                    continue
                }
                if input[j] == 10 { i = j + 1; continue }
                out.append(b)
                i += 1
                continue
            }
            if b == 13 || b == 10 {
                trimTrailingWhitespace(&out, from: max(lineStartInOut, protectedEnd))
                out.append(b)
                lineStartInOut = out.count
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        trimTrailingWhitespace(&out, from: max(lineStartInOut, protectedEnd))
        return out
    }

    /// Decodes a quoted-printable string's UTF-8 bytes.
    public static func decode(_ text: String) -> [UInt8] {
        decode(Array(text.utf8))
    }

    private static func trimTrailingWhitespace(_ out: inout [UInt8], from start: Int) {
        while out.count > start, let last = out.last, last == 32 || last == 9 { out.removeLast() }
    }

    static func hexValue(at index: Int, in input: [UInt8]) -> UInt8? {
        guard index >= 0, index < input.count else { return nil }
        return hexValue(input[index])
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
}
