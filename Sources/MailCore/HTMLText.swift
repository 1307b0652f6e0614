/// Turns HTML into readable plain text in one linear pass: tags dropped, entities decoded, blocks as lines,
/// script/style/title dropped, blockquotes and Outlook reply headers marked as quoted with "> ".
public enum HTMLText {
    static let blockTags: Set<String> = [
        "p", "div", "tr", "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "dl", "dt", "dd", "section", "article", "header", "footer", "address", "center", "form", "fieldset", "nav",
        "aside", "main", "figure", "figcaption", "body", "html", "caption",
    ]
    static let skippedTags: Set<String> = ["script", "style", "title", "head"]
    static let maxQuoteDepth = 20

    /// The text of `html`, "\n" line ends, quoted regions prefixed with "> " per level, at most one blank line in a row.
    public static func extract(_ html: String) -> String {
        var state = HTMLTextBuilder()
        let s = Array(html.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "<" {
                i = handleTag(s, at: i, state: &state)
            } else if c == "&" {
                let (scalars, next) = HTMLEntities.decode(s, at: i)
                for scalar in scalars { state.emit(scalar) }
                i = next
            } else {
                state.emit(c)
                i += 1
            }
        }
        return state.render()
    }

    /// Handles the markup starting at `start` ("<"); returns the index after it.
    private static func handleTag(_ s: [Unicode.Scalar], at start: Int, state: inout HTMLTextBuilder) -> Int {
        var i = start + 1
        guard i < s.count else { state.emit("<"); return i }
        if s[i] == "!" {
            if i + 2 < s.count, s[i + 1] == "-", s[i + 2] == "-" {
                return find(s, "-->", from: i + 3).map { $0 + 3 } ?? s.count
            }
            return (find(s, ">", from: i).map { $0 + 1 }) ?? s.count
        }
        if s[i] == "?" { return (find(s, ">", from: i).map { $0 + 1 }) ?? s.count }
        var closing = false
        if s[i] == "/" { closing = true; i += 1 }
        guard i < s.count, s[i].properties.isAlphabetic, s[i].isASCII else { state.emit("<"); return start + 1 }
        var name = ""
        while i < s.count, s[i].isASCII, s[i].properties.isAlphabetic || (s[i] >= "0" && s[i] <= "9") || s[i] == ":" || s[i] == "-" {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        name = name.lowercased()
        var attributes = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                break
            }
            if attributes.count < 2_000 { attributes.append(c) }
            i += 1
        }
        let end = min(s.count, i + 1)
        if !closing, skippedTags.contains(name) {
            guard let close = findClosing(s, name, from: end) else { return s.count }
            return (find(s, ">", from: close).map { $0 + 1 }) ?? s.count
        }
        apply(name, closing: closing, attributes: String(attributes).lowercased(), state: &state)
        return end
    }

    private static func apply(_ name: String, closing: Bool, attributes: String, state: inout HTMLTextBuilder) {
        switch name {
        case "br":
            state.newline()
        case "blockquote":
            state.blockBreak()
            state.quoteDepth = closing ? max(0, state.quoteDepth - 1) : min(maxQuoteDepth, state.quoteDepth + 1)
        case "pre":
            state.blockBreak()
            state.preDepth = closing ? max(0, state.preDepth - 1) : min(100, state.preDepth + 1)
        case "td", "th":
            state.space()
        default:
            if blockTags.contains(name) { state.blockBreak() }
        }
        if name == "div", !closing, attributes.contains("divrplyfwdmsg") || attributes.contains("appendonsend") {
            state.outlookQuoted = true
        }
    }

    static func find(_ s: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty, start < s.count else { return nil }
        var i = start
        while i + n.count <= s.count {
            if s[i] == n[0] {
                var match = true
                for k in 1..<n.count where s[i + k] != n[k] { match = false; break }
                if match { return i }
            }
            i += 1
        }
        return nil
    }

    /// The index of "</name" (ASCII case-insensitive) at or after `start`.
    static func findClosing(_ s: [Unicode.Scalar], _ name: String, from start: Int) -> Int? {
        let n = Array(("</" + name).unicodeScalars)
        var i = start
        while i + n.count <= s.count {
            if s[i] == "<" {
                var match = true
                for k in 1..<n.count where lower(s[i + k]) != n[k] { match = false; break }
                if match { return i }
            }
            i += 1
        }
        return nil
    }

    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c >= "A" && c <= "Z") ? Unicode.Scalar(c.value + 32) ?? c : c
    }
}
