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
        " original nachricht ", " originalnachricht ",
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
        let words = TextFold.words(trimmed)
        guard TextSearch.containsAny(words, separators) else { return false }
        return trimmed.hasPrefix("-") || trimmed.hasPrefix("_") || trimmed.hasPrefix("=") || trimmed.hasPrefix("*")
            || words.hasPrefix(" begin forwarded") || trimmed.hasSuffix(":")
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

    /// The number of lines (1...3) forming an attribution line at `index`, or 0.
    static func attributionLength(_ lines: [String], at index: Int) -> Int {
        guard index < lines.count else { return 0 }
        let first = TextFold.trim(lines[index])
        guard !first.isEmpty, !first.hasPrefix(">") else { return 0 }
        let firstWords = TextFold.words(first)
        let opener = firstWords.split(separator: " ").first.map(String.init) ?? ""
        var joined = ""
        for k in 0..<3 {
            guard index + k < lines.count else { return 0 }
            let line = TextFold.trim(lines[index + k])
            if line.isEmpty || line.hasPrefix(">") { return 0 }
            joined += (k == 0 ? "" : " ") + line
            guard TextFold.hasAtMost(joined, 400) else { return 0 }
            if k > 0, !attributionOpeners.contains(opener) { return 0 }
            if line.hasSuffix(":") {
                let words = TextFold.words(joined)
                guard TextSearch.containsAny(words, attributionVerbs) else { return 0 }
                if k == 0 && !attributionOpeners.contains(opener) && !TextFold.hasAtMost(joined, 120) { return 0 }
                if k > 0 && !joined.contains(where: { $0.isNumber || $0 == "@" }) { return 0 }
                return k + 1
            }
        }
        return 0
    }
}
