import Foundation

/// Normalises text for matching: lowercase, accents removed, typographic quotes made ASCII, input capped.
///
/// Pure-ASCII text (the common case) takes byte-level fast paths that give exactly what the Foundation path gives;
/// any other text goes through Foundation.
enum TextFold {
    /// The most characters of any text that triage looks at.
    static let maxCharacters = 100_000

    /// `text` capped to `maxCharacters`.
    static func capped(_ text: String) -> String {
        hasAtMost(text, maxCharacters) ? text : String(text.prefix(maxCharacters))
    }

    /// True when `text` has at most `limit` characters; walks at most `limit` characters, and none when the UTF-8 size is small enough.
    static func hasAtMost(_ text: some StringProtocol, _ limit: Int) -> Bool {
        text.utf8.count <= limit || text.dropFirst(limit).isEmpty
    }

    /// True when every byte of `text` is ASCII.
    static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isASCII) ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `isASCII` for bytes, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        return raw[offset...].allSatisfy { $0 < 0x80 }
    }

    /// Lowercased, diacritics removed ("é" → "e", "ß" → "ss"), curly quotes as ASCII.
    static func fold(_ text: String) -> String {
        if isASCII(text) { return String(decoding: text.utf8.map(lowercaseASCII), as: UTF8.self) }
        var result = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        for (from, to) in replacements where result.unicodeScalars.contains(from) {
            result = result.replacingOccurrences(of: String(from), with: to)
        }
        return result
    }

    /// The characters `fold` rewrites after Foundation's folding (none has a canonical equivalent, so a scalar test finds them).
    private static let replacements: [(Unicode.Scalar, String)] = [
        ("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("ß", "ss"), ("\u{A0}", " "),
    ]

    /// The ASCII byte `byte` with A–Z lowercased.
    private static func lowercaseASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The folded words of `text` (letters and digits), joined by one space, with a space before and after;
    /// with `boundaries`, sentence ends (. ! ;) become a "|" token and "?" a "?" token so phrases and negations do not cross them.
    static func words(_ text: String, boundaries: Bool = false) -> String {
        if isASCII(text) { return asciiWords(text, boundaries: boundaries) }
        var out = String.UnicodeScalarView()
        out.append(" ")
        var lastSpace = true
        for scalar in fold(text).unicodeScalars {
            if isWordScalar(scalar) {
                out.append(scalar)
                lastSpace = false
            } else if boundaries, scalar == "." || scalar == "!" || scalar == "?" || scalar == ";" {
                if !lastSpace { out.append(" ") }
                out.append(scalar == "?" ? "?" : "|")
                out.append(" ")
                lastSpace = true
            } else if !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        if !lastSpace { out.append(" ") }
        return String(out)
    }

    /// True for a letter (Unicode Alphabetic) or an ASCII digit; ASCII is decided without the Unicode property tables.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        let lower = scalar.value | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (scalar.value >= 48 && scalar.value <= 57)
    }

    /// `words(_:boundaries:)` for pure-ASCII `text`, byte by byte (the letters of ASCII are A–Z and a–z).
    private static func asciiWords(_ text: String, boundaries: Bool) -> String {
        let space = UInt8(ascii: " ")
        var out: [UInt8] = [space]
        out.reserveCapacity(text.utf8.count + 2)
        var lastSpace = true
        for raw in text.utf8 {
            let byte = lowercaseASCII(raw)
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                out.append(byte)
                lastSpace = false
            } else if boundaries, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ";") {
                if !lastSpace { out.append(space) }
                out.append(byte == UInt8(ascii: "?") ? byte : UInt8(ascii: "|"))
                out.append(space)
                lastSpace = true
            } else if !lastSpace {
                out.append(space)
                lastSpace = true
            }
        }
        if !lastSpace { out.append(space) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` without leading and trailing whitespace and newlines.
    static func trim(_ text: some StringProtocol) -> String {
        if let trimmed = asciiTrimmed(Substring(text)) { return trimmed }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `trim` when both ends of the trimmed text are ASCII (the whitespace there is then ASCII too); nil to use Foundation.
    private static func asciiTrimmed(_ text: Substring) -> String? {
        let bytes = text.utf8
        guard let start = bytes.firstIndex(where: { !isASCIIWhitespace($0) }) else {
            return ""
        }
        guard bytes[start] < 0x80, let last = bytes.lastIndex(where: { !isASCIIWhitespace($0) }), bytes[last] < 0x80 else { return nil }
        return String(text[start..<bytes.index(after: last)])
    }

    /// True for the ASCII members of `CharacterSet.whitespacesAndNewlines`: tab, LF, VT, FF, CR and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
