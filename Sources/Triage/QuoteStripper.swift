/// Isolates what the person wrote in a reply: quoted text, attributions, forwarded originals and signatures removed.
public enum QuoteStripper {
    /// The most lines of a message body that are examined.
    static let maxLines = 5_000

    /// The person's own words in `text` (a plain-text body, or MailCore's `bestText` of an HTML body), trimmed.
    public static func newText(_ text: String) -> String {
        let own = unquotedLines(text)
        let body = SignatureStripper.strip(own)
        return tidy(body)
    }

    /// The lines that are not quoted: everything before an Outlook separator/header block, minus `>` lines and attributions.
    static func unquotedLines(_ text: String) -> [String] {
        let normalized = unixNewlines(TextFold.capped(text))
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).prefix(maxLines).map(String.init)
        var kept: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if QuoteMarkers.isSeparator(line) || QuoteMarkers.isHeaderBlock(lines, at: i) { break }
            if QuoteMarkers.isUnderscoreRule(line), (i + 1..<min(lines.count, i + 4)).contains(where: { QuoteMarkers.isHeaderBlock(lines, at: $0) }) {
                break
            }
            if let start = QuoteMarkers.inlineAttributionStart(line) {
                // The answer and the attribution share a line: keep the answer, drop the rest.
                kept.append(String(line[..<start]))
                i += 1
                continue
            }
            let attribution = QuoteMarkers.attributionLength(lines, at: i)
            if attribution > 0 {
                i += attribution
                continue
            }
            let trimmed = TextFold.trim(line)
            if trimmed.hasPrefix(">") || trimmed == "[Quoted text hidden]" || trimmed.hasPrefix("[Quoted text hidden") {
                i += 1
                continue
            }
            kept.append(line)
            i += 1
        }
        return kept
    }

    /// `text` with CRLF and lone CR line ends as LF.
    static func unixNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Lines joined, trailing spaces dropped, runs of blank lines collapsed, trimmed.
    static func tidy(_ lines: [String]) -> String {
        var out: [String] = []
        var previousBlank = true
        for line in lines {
            var text = line
            while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            let blank = TextFold.trim(text).isEmpty
            if blank && previousBlank { continue }
            out.append(blank ? "" : text)
            previousBlank = blank
        }
        while let last = out.last, last.isEmpty { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
