/// Recognises the lines that start quoted material: attributions, Outlook separators and header blocks.
enum QuoteMarkers {
    /// Verbs of attribution lines ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", …), folded words.
    static let attributionVerbs = [
        " wrote ", " writes ", " schrieb ", " a ecrit ", " escribio ", " ha scritto ", " schreef ", " escreveu ", " skrev ", " napisal ",
        " kirjoitti ", " yazdi ",
    ]
    /// First words that can open an attribution line.
    static let attributionOpeners: Set<String> = ["on", "am", "le", "el", "il", "op", "em", "den", "w", "the", "at", "quoting", "zitat"]
    /// Outlook-style separator texts ("-----Original Message-----" and translations), folded words.
    static let separators = [
        " original message ", " ursprungliche nachricht ", " message d origine ", " mensaje original ", " messaggio originale ",
        " oorspronkelijk bericht ", " mensagem original ", " forwarded message ", " weitergeleitete nachricht ", " message transfere ",
        " mensaje reenviado ", " messaggio inoltrato ", " doorgestuurd bericht ", " mensagem encaminhada ", " begin forwarded message ",
        " original nachricht ", " originalnachricht ", " reply message ", " antwortnachricht ", " message de reponse ",
    ]
    /// Labels that open an Outlook header block.
    static let fromLabels: Set<String> = ["from", "von", "de", "da", "van", "fra", "od"]
    /// Labels that follow "From:" in an Outlook header block (sent/date/to/cc/subject in seven languages).
    static let headerLabels: Set<String> = [
        "sent", "date", "to", "cc", "subject", "gesendet", "datum", "an", "betreff", "envoye", "a", "objet", "enviado", "fecha", "para",
        "asunto", "inviato", "data", "oggetto", "verzonden", "aan", "onderwerp", "enviada em", "assunto", "sent date", "kopie", "envoye le",
        "enviado el", "verstuurd",
    ]

    /// The header label of a line such as "*Von:* Kira" or "De : Kira" (folded, without the colon), or nil.
    static func label(of line: String) -> String? {
        // Folding never produces a colon, so a line without one has no label.
        guard line.utf8.contains(UInt8(ascii: ":")) else { return nil }
        var text = Substring(TextFold.fold(line))
        while let first = text.first, first == " " || first == "*" || first == "\t" { text = text.dropFirst() }
        guard let colon = text.prefix(20).firstIndex(of: ":") else { return nil }
        var name = String(text[..<colon])
        while name.hasSuffix(" ") || name.hasSuffix("*") { name.removeLast() }
        guard !name.isEmpty, name.count <= 14, name.allSatisfy({ $0.isLetter || $0 == " " }) else { return nil }
        return name
    }

    /// True when a separator line ("-----Original Message-----", "Begin forwarded message:") is at `line`.
    static func isSeparator(_ line: String) -> Bool {
        let trimmed = TextFold.trim(line)
        guard TextFold.hasAtMost(trimmed, 80) else { return false }
        let marked = trimmed.hasPrefix("-") || trimmed.hasPrefix("_") || trimmed.hasPrefix("=") || trimmed.hasPrefix("*") || trimmed.hasSuffix(":")
        guard marked || mayStartWithB(trimmed) else { return false }
        let words = TextFold.words(trimmed)
        guard TextSearch.containsAny(words, separators) else { return false }
        return marked || words.hasPrefix(" begin forwarded")
    }

    /// False only when `text` is ASCII and its first letter or digit is not a "b", so its words cannot start with "begin".
    private static func mayStartWithB(_ text: String) -> Bool {
        guard TextFold.isASCII(text) else { return true }
        guard let first = text.utf8.first(where: isASCIIAlphanumeric) else { return false }
        return first | 0x20 == UInt8(ascii: "b")
    }

    /// True for the ASCII bytes of letters and digits.
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// True when a line of underscores (Outlook web) is at `line`.
    static func isUnderscoreRule(_ line: String) -> Bool {
        let trimmed = TextFold.trim(line)
        return trimmed.allSatisfy { $0 == "_" } && trimmed.count >= 8
    }

    /// True when `lines[index]` opens an Outlook header block ("From:" followed by Sent/To/Subject lines).
    static func isHeaderBlock(_ lines: [String], at index: Int) -> Bool {
        guard index < lines.count, let first = label(of: lines[index]), fromLabels.contains(first) else { return false }
        var others = 0
        for line in lines[(index + 1)..<min(lines.count, index + 7)] {
            if let l = label(of: line), headerLabels.contains(l) { others += 1 }
        }
        return others >= 1
    }

    /// The number of lines (1...4) forming an attribution line at `index`, or 0.
    ///
    /// An attribution ends with a colon within its first four lines, so the words are only read once such a line is found.
    /// Besides the "On … wrote:" forms, a line that names a date and an address and ends with a colon
    /// ("2026-12-01 11:28 GMT+01:00 Kira Moore <kira@example.com>:") is one when quoted lines follow it.
    static func attributionLength(_ lines: [String], at index: Int) -> Int {
        guard index >= 0, index < lines.count else { return 0 }
        if isDatedAddressLine(lines, at: index) { return 1 }
        var candidate: [String] = []
        for k in 0..<4 {
            guard index + k < lines.count else { return 0 }
            let line = TextFold.trim(lines[index + k])
            if line.isEmpty || line.hasPrefix(">") { return 0 }
            candidate.append(line)
            if line.hasSuffix(":") { return attributionLength(trimmed: candidate) }
        }
        return 0
    }

    /// `attributionLength` for its trimmed, non-empty candidate lines, the last of which (and only that one) ends with a colon.
    private static func attributionLength(trimmed lines: [String]) -> Int {
        guard let first = lines.first else { return 0 }
        let opener = TextFold.words(first).split(separator: " ").first.map(String.init) ?? ""
        var joined = ""
        for (k, line) in lines.enumerated() {
            joined += (k == 0 ? "" : " ") + line
            guard TextFold.hasAtMost(joined, 400) else { return 0 }
            if k > 0, !attributionOpeners.contains(opener) { return 0 }
        }
        let k = lines.count - 1
        let words = TextFold.words(joined)
        // "On 1 Dec 2026, at 6:54 PM, Kira <kira@example.com> sent:": "sent" only after an opener, with a date or address.
        let sentForm = attributionOpeners.contains(opener) && TextSearch.contains(words, " sent ") && words.hasSuffix(" sent ")
            && joined.contains(where: { $0.isNumber || $0 == "@" })
        guard sentForm || TextSearch.containsAny(words, attributionVerbs) else { return 0 }
        if k == 0 && !attributionOpeners.contains(opener) && !TextFold.hasAtMost(joined, 120) { return 0 }
        if k > 0 && !joined.contains(where: { $0.isNumber || $0 == "@" }) { return 0 }
        return k + 1
    }

    /// True for "2026-12-01 11:28 GMT+01:00 Kira Moore <kira@example.com>:" followed by a quoted line:
    /// a line that starts with a digit, holds an address and ends with a colon.
    static func isDatedAddressLine(_ lines: [String], at index: Int) -> Bool {
        let line = TextFold.trim(lines[index])
        guard line.hasSuffix(":"), line.contains("@"), let first = line.first, first.isNumber, TextFold.hasAtMost(line, 200) else { return false }
        guard let next = lines[(index + 1)...].first(where: { !TextFold.trim($0).isEmpty }) else { return false }
        return TextFold.trim(next).hasPrefix(">")
    }

    /// Where an attribution starts inside `line` after the person's own words ("Not for us. On Tue, 1 Dec
    /// 2026, Kira <kira@example.com> wrote:"), or nil when the line holds no such attribution.
    static func inlineAttributionStart(_ line: String) -> String.Index? {
        let trimmed = TextFold.trim(line)
        guard trimmed.hasSuffix(":"), TextFold.hasAtMost(trimmed, 600) else { return nil }
        var search = line.startIndex
        while let range = line.range(of: " ", range: search..<line.endIndex) {
            let rest = line[range.upperBound...]
            search = range.upperBound
            let before = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let last = before.last, ".!?)".contains(last) else { continue }
            let opener = TextFold.words(String(rest.prefix(12))).split(separator: " ").first.map(String.init) ?? ""
            guard attributionOpeners.contains(opener) else { continue }
            if attributionLength(trimmed: [TextFold.trim(String(rest))]) > 0 { return rest.startIndex }
        }
        return nil
    }
}
