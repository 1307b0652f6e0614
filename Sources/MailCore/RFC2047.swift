/// RFC 2047 encoded words: encoding UTF-8 text into words of at most 75 characters, and decoding B/Q words in any charset.
public enum RFC2047 {
    /// The longest encoded word RFC 2047 allows.
    public static let maxWordLength = 75

    /// Encodes `text` as space-separated UTF-8 encoded words, none longer than 75 characters.
    public static func encode(_ text: String) -> String {
        encodeWords(text).joined(separator: " ")
    }

    /// Encodes `text` as UTF-8 encoded words; the first word is at most `firstWordLimit` characters, the rest at most
    /// `wordLimit` (both clamped to 16...75). Words never split a character's UTF-8 bytes, and split grapheme clusters only
    /// when one alone would not fit. Q is used when it is no longer than B.
    public static func encodeWords(_ text: String, firstWordLimit: Int = maxWordLength, wordLimit: Int = maxWordLength) -> [String] {
        let bytes = Array(text.utf8)
        let qCost = bytes.reduce(0) { $0 + (qLiteral($1) ? 1 : 3) }
        let useQ = qCost <= (bytes.count + 2) / 3 * 4
        var words: [String] = []
        var current: [UInt8] = []
        var limit = max(24, min(maxWordLength, firstWordLimit))
        let nextLimit = max(24, min(maxWordLength, wordLimit))
        func cost(_ payload: [UInt8]) -> Int {
            12 + (useQ ? payload.reduce(0) { $0 + (qLiteral($1) ? 1 : 3) } : (payload.count + 2) / 3 * 4)
        }
        func flush() {
            guard !current.isEmpty else { return }
            words.append(word(current, useQ: useQ))
            current = []
            limit = nextLimit
        }
        for piece in units(of: text, limit: nextLimit) {
            if current.isEmpty, cost(piece) > limit { limit = nextLimit }
            if cost(current + piece) > limit { flush() }
            current += piece
        }
        flush()
        if words.isEmpty { words.append(word([], useQ: true)) }
        return words
    }

    /// The UTF-8 byte groups that must not be split: grapheme clusters, or single scalars for oversized clusters.
    private static func units(of text: String, limit: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        let maxPayloadBytes = (limit - 12) / 4 * 3 / 3  // conservative: worst-case Q cost is 3 per byte
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if bytes.count <= maxPayloadBytes {
                result.append(bytes)
            } else {
                for scalar in ch.unicodeScalars { result.append(Array(String(scalar).utf8)) }
            }
        }
        return result
    }

    private static func word(_ payload: [UInt8], useQ: Bool) -> String {
        if useQ {
            var body = ""
            for b in payload {
                if b == 32 { body += "_" } else if qLiteral(b) { body.unicodeScalars.append(Unicode.Scalar(b)) } else {
                    body += "=" + String(decoding: [QuotedPrintable.hexDigits[Int(b >> 4)], QuotedPrintable.hexDigits[Int(b & 15)]], as: UTF8.self)
                }
            }
            return "=?utf-8?Q?" + body + "?="
        }
        return "=?utf-8?B?" + Base64.encode(payload) + "?="
    }

    /// Bytes written literally in Q encoding (the "phrase"-safe set of RFC 2047 §5(3), plus space written as "_").
    static func qLiteral(_ b: UInt8) -> Bool {
        switch b {
        case 48...57, 65...90, 97...122: return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), 32: return true
        default: return false
        }
    }

    /// Decodes every encoded word in `text`; whitespace between adjacent encoded words is dropped, other text is kept.
    public static func decode(_ text: String) -> String {
        RFC2047Decoder.decode(text)
    }
}
