/// Accumulates the lines of HTML text with their quote depth, collapsing whitespace outside <pre>.
struct HTMLTextBuilder {
    var lines: [(depth: Int, text: String)] = []
    var current = String.UnicodeScalarView()
    var currentDepth: Int?
    var pendingSpace = false
    var quoteDepth = 0
    var preDepth = 0
    var outlookQuoted = false

    var effectiveDepth: Int { min(HTMLText.maxQuoteDepth, quoteDepth + (outlookQuoted ? 1 : 0)) }

    mutating func emit(_ c: Unicode.Scalar) {
        if preDepth > 0 {
            if c == "\n" { newline(); return }
            if c == "\r" { return }
        } else if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" || c == "\u{0C}" {
            pendingSpace = true
            return
        }
        if current.isEmpty {
            currentDepth = effectiveDepth
        } else if pendingSpace {
            current.append(" ")
        }
        pendingSpace = false
        current.append(c == "\u{A0}" ? " " : c)
    }

    mutating func space() {
        pendingSpace = true
    }

    mutating func newline() {
        lines.append((currentDepth ?? effectiveDepth, String(current)))
        current = String.UnicodeScalarView()
        currentDepth = nil
        pendingSpace = false
    }

    mutating func blockBreak() {
        if !current.isEmpty { newline() }
        pendingSpace = false
    }

    mutating func render() -> String {
        blockBreak()
        var out: [String] = []
        var previousBlank = true
        for line in lines {
            var text = line.text
            while let last = text.unicodeScalars.last, last == " " || last == "\t" { text.unicodeScalars.removeLast() }
            let blank = text.isEmpty
            if blank && previousBlank { continue }
            let prefix = String(repeating: "> ", count: line.depth)
            let rendered = blank ? String(String(prefix.dropLast())) : prefix + text
            out.append(rendered)
            previousBlank = blank
        }
        while let last = out.last, last.trimmingWSP().isEmpty || last.allSatisfy({ $0 == ">" }) { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
