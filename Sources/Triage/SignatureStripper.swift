/// Removes signatures, mobile footers, closing blocks and legal/list disclaimers from the lines a person wrote.
enum SignatureStripper {
    /// Footer lines added by mail apps ("Sent from my iPhone" and translations), folded word prefixes.
    static let mobileFooters = [
        " sent from my ", " sent from outlook ", " get outlook for ", " sent from mail for ", " sent from yahoo mail ", " sent via ",
        " von meinem ", " gesendet von ", " envoye de mon ", " envoye depuis ", " enviado desde mi ", " enviado desde ", " enviado de mi ",
        " inviato da ", " verzonden vanaf ", " verstuurd vanaf ", " verzonden met ", " enviado do meu ", " enviado de meu ", " enviado do ",
        " obtenez outlook ", " outlook fur ", " scarica outlook ",
    ]
    /// Closing lines that start a signature block ("Best regards,", "Mit freundlichen Grüßen", …), folded words.
    static let closings: Set<String> = [
        "best regards", "kind regards", "regards", "best", "thanks", "thank you", "cheers", "sincerely", "best wishes", "warm regards",
        "many thanks", "thanks again", "all the best", "yours", "yours sincerely", "yours truly", "warmly", "rgds", "br", "thx",
        "mit freundlichen grussen", "mit freundlichem gruss", "freundliche grusse", "viele grusse", "beste grusse", "liebe grusse",
        "herzliche grusse", "gruss", "grusse", "lg", "vg", "mfg", "danke", "vielen dank", "cordialement", "bien cordialement",
        "bien a vous", "salutations", "sinceres salutations", "merci", "merci beaucoup", "bonne journee", "saludos", "un saludo",
        "atentamente", "saludos cordiales", "gracias", "muchas gracias", "un cordial saludo", "cordiali saluti", "saluti", "un saluto",
        "distinti saluti", "grazie", "grazie mille", "buona giornata", "met vriendelijke groet", "met vriendelijke groeten", "groeten",
        "groet", "vriendelijke groet", "hartelijke groet", "bedankt", "dank je", "alvast bedankt", "atenciosamente", "abracos", "abraco",
        "cumprimentos", "obrigado", "obrigada", "att", "saudacoes", "um abraco", "cordiais cumprimentos",
    ]
    /// Phrases that mark a legal or mailing-list disclaimer paragraph on their own, folded words.
    static let disclaimerCues = [
        " intended recipient ", " intended solely ", " this e mail and any attachments ", " this email and any attachments ",
        " this message and any attachments ", " to unsubscribe from this ", " unsubscribe from this list ", " unsubscribe from this group ",
        " unsubscribe from our ", " click here to unsubscribe ", " you received this message because ", " you are receiving this ",
        " if you no longer wish to receive ", " manage your subscription ", " update your preferences ", " disclaimer ",
        " privileged and confidential ", " confidential and privileged ", " confidential and may be ", " may contain confidential ",
        " contains confidential ", " please notify the sender ", " notify us immediately ", " please consider the environment ",
        " diese e mail enthalt vertrauliche ", " vertrauliche und oder rechtlich ", " nicht der richtige adressat ",
        " ce message et toutes les pieces jointes ", " ce message et ses pieces jointes ", " destinataire de ce message ",
        " este mensaje y sus anexos ", " este mensaje es confidencial ", " destinatario de este mensaje ", " questo messaggio e ",
        " destinatario del presente ", " informazioni riservate ", " dit bericht is vertrouwelijk ", " dit e mail bericht ",
        " esta mensagem e ", " destinatario desta mensagem ", " abmelden unter ", " se desinscrire ici ", " darse de baja aqui ",
        " privacy policy ", " datenschutzerklarung ", " registered office ", " registered in england ", " sitz der gesellschaft ",
    ]

    /// The lines without signature, footers, closing block and disclaimers.
    static func strip(_ input: [String]) -> [String] {
        var lines = input
        // "-- " delimiter and mobile footers: cut from there.
        if let cut = lines.firstIndex(where: { line in
            let t = TextFold.trim(line)
            if t == "--" || t == "-- " || t == "—" { return true }
            let words = TextFold.words(t)
            return TextFold.hasAtMost(t, 80) && mobileFooters.contains { words.hasPrefix($0) }
        }) {
            lines = Array(lines[..<cut])
        }
        if let first = lines.firstIndex(where: { !TextFold.trim($0).isEmpty }) {
            lines = lines.enumerated().filter { $0.offset <= first || !isFooterLine($0.element) }.map(\.element)
        }
        lines = dropClosingBlock(lines)
        lines = dropDisclaimers(lines)
        return lines
    }

    /// Cuts at the last closing line ("Best regards,") that has text before it and at most 8 short lines after it.
    static func dropClosingBlock(_ lines: [String]) -> [String] {
        var index = lines.count - 1
        while index > 0 {
            let t = TextFold.trim(lines[index])
            let words = TextFold.trim(TextFold.words(t))
            if !t.isEmpty, TextFold.hasAtMost(t, 40), closings.contains(words) {
                let after = lines[(index + 1)...].filter { !TextFold.trim($0).isEmpty }
                let hasBefore = lines[..<index].contains { !TextFold.trim($0).isEmpty }
                if hasBefore, after.count <= 8, after.allSatisfy({ TextFold.hasAtMost($0, 90) || isDisclaimer($0) }) {
                    return Array(lines[..<index])
                }
            }
            index -= 1
        }
        return lines
    }

    /// Removes every paragraph (blank-line separated) that reads as a disclaimer or list footer.
    static func dropDisclaimers(_ lines: [String]) -> [String] {
        var paragraphs: [[String]] = [[]]
        for line in lines {
            if TextFold.trim(line).isEmpty {
                paragraphs.append([])
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        var out: [String] = []
        for paragraph in paragraphs where !paragraph.isEmpty {
            if isDisclaimer(paragraph.joined(separator: " ")) { continue }
            out.append(contentsOf: paragraph)
            out.append("")
        }
        return out
    }

    /// True for a signature/footer line (never the first line of the reply) that offers an unsubscribe link ("www.example.net | Unsubscribe", "Click here to unsubscribe").
    static func isFooterLine(_ line: String) -> Bool {
        let folded = TextFold.fold(line)
        let offers = ["unsubscribe", "abmelden", "desinscri", "desabonn", "darse de baja", "uitschrijven", "opt-out", "opt out"]
        guard TextSearch.containsAny(folded, offers) else { return false }
        let markers = ["http", "www.", "|", "click", "preferences", "mailing list", "list-unsubscribe"]
        return TextSearch.containsAny(folded, markers)
    }

    /// True when `text` reads as a legal disclaimer or a mailing-list footer.
    static func isDisclaimer(_ text: String) -> Bool {
        let words = TextFold.words(text)
        if TextSearch.containsAny(words, disclaimerCues) { return true }
        let confidential = [" confidential ", " confidentiel ", " vertraulich ", " confidencial ", " riservato ", " vertrouwelijk "]
        if TextSearch.containsAny(words, confidential) {
            let coCues = [" message ", " e mail ", " email ", " attachments ", " recipient ", " nachricht ", " destinataire ", " mensaje ", " messaggio ", " bericht ", " mensagem "]
            return TextSearch.containsAny(words, coCues)
        }
        return false
    }
}
