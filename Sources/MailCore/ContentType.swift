/// A parsed Content-Type (or Content-Disposition) value: the lowercased token and its parameters (RFC 2045, RFC 2231).
public struct ContentType: Sendable, Equatable {
    /// The lowercased value before the first ";", e.g. "text/plain" or "attachment".
    public var value: String
    /// Parameters by lowercased name, unquoted, RFC 2231 continuations joined and decoded.
    public var parameters: [String: String]

    /// Parses a header value such as `text/plain; charset="utf-8"`; never fails.
    public init(parsing text: String) {
        let segments = Self.segments(text)
        value = (segments.first ?? "").trimmingWSP().lowercased()
        var plain: [String: String] = [:]
        var pieces: [String: [(Int, String, Bool)]] = [:]
        for segment in segments.dropFirst().prefix(100) {
            guard let eq = segment.firstIndex(of: "=") else { continue }
            let key = String(segment[..<eq]).trimmingWSP().lowercased()
            var val = String(segment[segment.index(after: eq)...]).trimmingWSP()
            let quoted = val.hasPrefix("\"")
            if quoted { val = Self.unquote(val) }
            guard !key.isEmpty else { continue }
            let extended = key.hasSuffix("*")
            let base = extended ? String(key.dropLast()) : key
            if let star = base.firstIndex(of: "*"), let n = Int(base[base.index(after: star)...]) {
                pieces[String(base[..<star]), default: []].append((n, val, extended))
            } else if extended {
                plain[base] = Self.decode2231(val, first: true)
            } else if plain[base] == nil {
                plain[base] = val
            }
        }
        for (name, parts) in pieces where plain[name] == nil {
            let sorted = parts.sorted { $0.0 < $1.0 }
            var bytes: [UInt8] = []
            var charset: String?
            for (index, part) in sorted.enumerated() {
                if part.2 {
                    var text = part.1
                    if index == 0, let (cs, rest) = Self.split2231(text) { charset = cs; text = rest }
                    bytes += Self.percentDecode(text)
                } else {
                    bytes += Array(part.1.utf8)
                }
            }
            plain[name] = Charset.decode(bytes, label: charset)
        }
        parameters = plain
    }

    /// The value split at each ";" outside quotes (the first 20,000 characters). Without quotes,
    /// a plain split of the bytes gives the same segments, at a fraction of the cost.
    static func segments(_ text: String) -> [String] {
        if text.utf8.count <= 20_000, !text.utf8.contains(UInt8(ascii: "\"")) {
            return text.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        return segmentsInGeneral(text)
    }

    /// `segments` for any text: scalar by scalar, minding quotes and escapes inside them.
    static func segmentsInGeneral(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars.prefix(20_000))
        var segments: [String] = []
        var current = String.UnicodeScalarView()
        var inQuote = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if inQuote {
                if c == "\\", i + 1 < scalars.count { current.append(c); current.append(scalars[i + 1]); i += 2; continue }
                if c == "\"" { inQuote = false }
                current.append(c)
            } else if c == "\"" {
                inQuote = true
                current.append(c)
            } else if c == ";" {
                segments.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(c)
            }
            i += 1
        }
        segments.append(String(current))
        return segments
    }

    /// The media type before "/", e.g. "text".
    public var type: String { String(value.split(separator: "/").first ?? "") }

    static func unquote(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var escaped = false
        for c in text.unicodeScalars.dropFirst() {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { break }
            out.append(c)
        }
        return String(out)
    }

    static func split2231(_ text: String) -> (String, String)? {
        let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return (String(parts[0]), String(parts[2]))
    }

    static func decode2231(_ text: String, first: Bool) -> String {
        guard let (charset, rest) = split2231(text) else { return Charset.decode(percentDecode(text), label: nil) }
        return Charset.decode(percentDecode(rest), label: charset)
    }

    static func percentDecode(_ text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < input.count {
            if input[i] == 37, let h = QuotedPrintable.hexValue(at: i + 1, in: input), let l = QuotedPrintable.hexValue(at: i + 2, in: input) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(input[i])
                i += 1
            }
        }
        return out
    }
}
