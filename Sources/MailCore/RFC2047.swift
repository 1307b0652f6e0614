/// RFC 2047 encoded words: encoding UTF-8 text into words of at most 75 characters, and decoding B/Q words in any charset.
public enum RFC2047 {
    /// The longest encoded word RFC 2047 allows.
    public static let maxWordLength = 75

    /// Encodes `text` as space-separated UTF-8 encoded words, none longer than 75 characters.
    public static func encode(_ text: String) -> String {
        encodeWords(text).joined(separator: " ")
    }

    /// Encodes `text` as UTF-8 encoded words; the first word is at most `firstWordLimit` characters, the rest at most
    /// `wordLimit` (both clamped to 24...75). Words never split a character's UTF-8 bytes, and split grapheme clusters only
    /// when one alone would not fit. Q is used when it is no longer than B.
    public static func encodeWords(_ text: String, firstWordLimit: Int = maxWordLength, wordLimit: Int = maxWordLength) -> [String] {
        text.withUTF8Bytes { bytes in
            let useQ = prefersQ(bytes)
            var words: [String] = []
            forEachWord(text, bytes: bytes, useQ: useQ, firstWordLimit: firstWordLimit, wordLimit: wordLimit) { payload in
                var word: [UInt8] = []
                word.reserveCapacity(wordLength(payload, useQ: useQ))
                writeWord(payload, useQ: useQ, into: &word)
                words.append(String(decoding: word, as: UTF8.self))
            }
            return words
        }
    }

    /// Whether Q encoding of `bytes` is no longer than B encoding (the choice is made once for the whole text).
    static func prefersQ(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        qCost(bytes) <= (bytes.count + 2) / 3 * 4
    }

    /// The length of the Q-encoded form of `bytes`.
    static func qCost(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var cost = 0
        for b in bytes { cost += qLiteral(b) ? 1 : 3 }
        return cost
    }

    /// The length of the encoded word holding `payload`.
    static func wordLength(_ payload: UnsafeBufferPointer<UInt8>, useQ: Bool) -> Int {
        12 + (useQ ? qCost(payload) : (payload.count + 2) / 3 * 4)
    }

    /// Calls `emit` with the payload of each encoded word of `text` (whose UTF-8 is `bytes`), in order; at least once.
    ///
    /// The units that are never split are grapheme clusters, or single scalars for clusters too big for a word.
    static func forEachWord(
        _ text: String, bytes: UnsafeBufferPointer<UInt8>, useQ: Bool, firstWordLimit: Int, wordLimit: Int,
        _ emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var limit = max(24, min(maxWordLength, firstWordLimit))
        let nextLimit = max(24, min(maxWordLength, wordLimit))
        let maxPayloadBytes = (nextLimit - 12) / 4 * 3 / 3  // conservative: worst-case Q cost is 3 per byte
        var wordStart = 0
        var wordQCost = 0
        var emitted = false
        func cost(qCost: Int, count: Int) -> Int {
            12 + (useQ ? qCost : (count + 2) / 3 * 4)
        }
        // Adds the unit bytes[start..<end], which always begins where the current word ends.
        func add(_ start: Int, _ end: Int) {
            var unitQCost = 0
            for i in start..<end { unitQCost += qLiteral(bytes[i]) ? 1 : 3 }
            if wordStart == start, cost(qCost: unitQCost, count: end - start) > limit { limit = nextLimit }
            if cost(qCost: wordQCost + unitQCost, count: end - wordStart) > limit, wordStart < start {
                emit(UnsafeBufferPointer(rebasing: bytes[wordStart..<start]))
                emitted = true
                wordStart = start
                wordQCost = 0
                limit = nextLimit
            }
            wordQCost += unitQCost
        }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII: every byte is its own grapheme cluster, except CR LF.
            var i = 0
            while i < bytes.count {
                let end = bytes[i] == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 ? i + 2 : i + 1
                add(i, end)
                i = end
            }
        } else {
            var offset = 0
            for character in text {
                let count = character.utf8.count
                guard offset + count <= bytes.count else { break }  // `bytes` is `text`'s UTF-8; never read past it
                if count <= maxPayloadBytes {
                    add(offset, offset + count)
                    offset += count
                } else {
                    for scalar in character.unicodeScalars {
                        let width = UTF8.width(scalar)
                        add(offset, offset + width)
                        offset += width
                    }
                }
            }
        }
        if wordStart < bytes.count || !emitted {
            emit(UnsafeBufferPointer(rebasing: bytes[wordStart..<bytes.count]))
        }
    }

    /// Appends one encoded word holding `payload` ("=?utf-8?Q?…?=" or "=?utf-8?B?…?=").
    static func writeWord(_ payload: UnsafeBufferPointer<UInt8>, useQ: Bool, into out: inout [UInt8]) {
        out.append(contentsOf: useQ ? qPrefix : bPrefix)
        if useQ {
            for b in payload {
                if b == 32 {
                    out.append(UInt8(ascii: "_"))
                } else if qLiteral(b) {
                    out.append(b)
                } else {
                    out.append(UInt8(ascii: "="))
                    out.append(QuotedPrintable.hexDigits[Int(b >> 4)])
                    out.append(QuotedPrintable.hexDigits[Int(b & 15)])
                }
            }
        } else {
            Base64.append(payload, into: &out)
        }
        out.append(UInt8(ascii: "?"))
        out.append(UInt8(ascii: "="))
    }

    static let qPrefix = Array("=?utf-8?Q?".utf8)
    static let bPrefix = Array("=?utf-8?B?".utf8)

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
