import Foundation

/// Normalises text for matching: lowercase, accents removed, typographic quotes made ASCII, input capped.
enum TextFold {
    /// The most characters of any text that triage looks at.
    static let maxCharacters = 100_000

    /// `text` capped to `maxCharacters`.
    static func capped(_ text: String) -> String {
        text.count > maxCharacters ? String(text.prefix(maxCharacters)) : text
    }

    /// Lowercased, diacritics removed ("é" → "e", "ß" → "ss"), curly quotes as ASCII.
    static func fold(_ text: String) -> String {
        var result = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        let replacements: [(String, String)] = [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("ß", "ss"), ("\u{A0}", " ")]
        for (from, to) in replacements where result.contains(from) {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result
    }

    /// The folded words of `text` (letters and digits), joined by one space, with a space before and after;
    /// with `boundaries`, sentence ends (. ! ;) become a "|" token and "?" a "?" token so phrases and negations do not cross them.
    static func words(_ text: String, boundaries: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        out.append(" ")
        var lastSpace = true
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value >= 48 && scalar.value <= 57) {
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

    /// `text` without leading and trailing whitespace and newlines.
    static func trim(_ text: some StringProtocol) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
