/// One token of folded text for date finding: a run of letters, or digits with inner "." "/" "-".
struct DateToken: Sendable {
    /// The token text (folded).
    var text: String
    /// True for digit tokens.
    var isNumber: Bool
    /// True when a "." directly follows the token.
    var trailingDot: Bool
    /// True when no space separates this token from the previous one.
    var attached: Bool

    /// Splits folded `text` into tokens (at most `limit`).
    static func tokenize(_ text: String, limit: Int = 20_000) -> [DateToken] {
        var tokens: [DateToken] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var attached = false
        while i < scalars.count, tokens.count < limit {
            let c = scalars[i]
            if isDigit(c) {
                var j = i
                var value = String.UnicodeScalarView()
                while j < scalars.count {
                    let d = scalars[j]
                    if isDigit(d) {
                        value.append(d)
                    } else if d == "." || d == "/" || d == "-", j + 1 < scalars.count, isDigit(scalars[j + 1]), value.count < 12 {
                        value.append(d)
                    } else {
                        break
                    }
                    j += 1
                }
                let dot = j < scalars.count && scalars[j] == "."
                tokens.append(DateToken(text: String(value), isNumber: true, trailingDot: dot, attached: attached))
                i = j
                attached = true
            } else if c.properties.isAlphabetic {
                var j = i
                var value = String.UnicodeScalarView()
                while j < scalars.count, scalars[j].properties.isAlphabetic, !isDigit(scalars[j]) {
                    if value.count < 40 { value.append(scalars[j]) }
                    j += 1
                }
                let dot = j < scalars.count && scalars[j] == "."
                tokens.append(DateToken(text: String(value), isNumber: false, trailingDot: dot, attached: attached))
                i = j
                attached = true
            } else {
                if c != "'" { attached = false }
                i += 1
            }
        }
        return tokens
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 48 && c.value <= 57
    }
}
