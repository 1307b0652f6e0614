/// Finds and decodes `=?charset?B|Q?text?=` words inside a header value in one linear pass.
/// Adjacent words in the same charset are decoded together, so a character split across words is rejoined.
enum RFC2047Decoder {
    static func decode(_ text: String) -> String {
        guard text.containsUTF8("=?") else { return text }
        let s = Array(text.unicodeScalars)
        let scan = Scan(s)
        var out = ""  // String appends are amortised O(1); UnicodeScalarView.append(contentsOf:) is not
        var pendingWhitespace = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset = ""
        func flushBytes() {
            if !pendingBytes.isEmpty || !pendingCharset.isEmpty {
                out += Charset.decode(pendingBytes, label: pendingCharset)
            }
            pendingBytes = []
            pendingCharset = ""
        }
        var lastWasEncoded = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\r" || c == "\n" {
                pendingWhitespace.unicodeScalars.append(c)
                i += 1
                continue
            }
            if c == "=", i + 1 < s.count, s[i + 1] == "?", let word = parseWord(s, at: i, scan: scan) {
                if !lastWasEncoded || word.charset.lowercased() != pendingCharset.lowercased() {
                    flushBytes()
                    if !lastWasEncoded { out += pendingWhitespace }
                }
                pendingWhitespace = ""
                pendingBytes += word.bytes
                pendingCharset = word.charset
                lastWasEncoded = true
                i = word.end
                continue
            }
            flushBytes()
            out += pendingWhitespace
            pendingWhitespace = ""
            out.unicodeScalars.append(c)
            lastWasEncoded = false
            i += 1
        }
        flushBytes()
        out += pendingWhitespace
        return out
    }

    struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// For each index: where the next "?=" starts and where the next character not allowed in a word is, so that
    /// failed attempts cost O(1) beyond the charset and the whole decode stays linear.
    struct Scan {
        var nextTerminator: [Int]
        var nextForbidden: [Int]

        init(_ s: [Unicode.Scalar]) {
            nextTerminator = [Int](repeating: s.count, count: s.count + 1)
            nextForbidden = [Int](repeating: s.count, count: s.count + 1)
            var i = s.count - 1
            while i >= 0 {
                let isTerminator = s[i] == "?" && i + 1 < s.count && s[i + 1] == "="
                nextTerminator[i] = isTerminator ? i : nextTerminator[i + 1]
                let forbidden = s[i].value <= 0x20 || s[i].value > 0x7E
                nextForbidden[i] = forbidden ? i : nextForbidden[i + 1]
                i -= 1
            }
        }
    }

    static let maxPayload = 4_000

    /// Parses the encoded word starting at `start` ("=?"); returns its charset, raw bytes and the index after "?=".
    private static func parseWord(_ s: [Unicode.Scalar], at start: Int, scan: Scan) -> Word? {
        var i = start + 2
        var charset = ""
        while i < s.count, s[i] != "?" {
            if s[i] == " " || charset.unicodeScalars.count > 40 { return nil }
            charset.unicodeScalars.append(s[i])
            i += 1
        }
        guard i + 2 < s.count, !charset.isEmpty else { return nil }
        let encoding = s[i + 1]
        guard s[i + 2] == "?" else { return nil }
        i += 3
        // Encoded words contain no whitespace or non-ASCII; tolerate none, and no payload beyond a sane length.
        let end = scan.nextTerminator[i]
        guard end < s.count, scan.nextForbidden[i] >= end, end - i <= maxPayload else { return nil }
        let payload = s[i..<end].map { UInt8(truncatingIfNeeded: $0.value) }
        i = end
        // RFC 2231 language suffix: charset*lang
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        if charset.isEmpty { charset = "us-ascii" }
        switch encoding {
        case "B", "b": return Word(charset: charset, bytes: Base64.decode(payload), end: i + 2)
        case "Q", "q": return Word(charset: charset, bytes: decodeQ(payload), end: i + 2)
        default: return nil
        }
    }

    static func decodeQ(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < payload.count {
            let b = payload[i]
            if b == UInt8(ascii: "_") {
                out.append(32)
            } else if b == 61, let h = QuotedPrintable.hexValue(at: i + 1, in: payload), let l = QuotedPrintable.hexValue(at: i + 2, in: payload) {
                out.append(h << 4 | l)
                i += 3
                continue
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }
}
