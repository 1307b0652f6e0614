/// Validation and encoding rules the writer applies to every value that came from data.
enum HeaderRules {
    /// Header names the writer owns or must never send; extra headers may not use them.
    static let reservedNames: Set<String> = [
        "bcc", "resent-bcc", "date", "from", "sender", "reply-to", "to", "cc", "subject", "message-id", "in-reply-to",
        "references", "mime-version", "content-type", "content-transfer-encoding", "list-unsubscribe",
        "list-unsubscribe-post",
    ]

    /// Throws when `value` holds CR, LF or NUL: the characters that could end this header and start another.
    static func checkInjection(_ value: String, field: String) throws(MessageWriterError) {
        for scalar in value.unicodeScalars where scalar == "\r" || scalar == "\n" || scalar == "\0" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
            throw .forbiddenCharacter(field: field, character: ScalarName.of(scalar))
        }
    }

    static func checkExtraName(_ name: String) throws(MessageWriterError) {
        try checkInjection(name, field: "extra header name")
        guard !name.isEmpty, name.utf8.count <= 76, name.unicodeScalars.allSatisfy({ $0.value >= 33 && $0.value <= 126 && $0 != ":" }) else {
            throw .invalidHeaderName(name: name)
        }
        if reservedNames.contains(name.lowercased()) { throw .forbiddenHeader(name: name) }
    }

    /// Plain ASCII that can be written as-is: printable or tab, no edge whitespace, no "=?", no overlong word.
    static func isPlainUnstructured(_ value: String) -> Bool {
        guard !value.isEmpty else { return true }
        var wordLength = 0
        for scalar in value.unicodeScalars {
            guard (scalar.value >= 0x20 && scalar.value <= 0x7E) || scalar == "\t" else { return false }
            if scalar == " " || scalar == "\t" { wordLength = 0 } else { wordLength += 1 }
            if wordLength > 900 { return false }
        }
        if value.contains("=?") { return false }
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return true }
        return !(first == " " || first == "\t" || last == " " || last == "\t")
    }

    static func checkMessageID(_ value: String, field: String) throws(MessageWriterError) {
        let ok = value.utf8.count <= 900 && value.contains("@")
            && value.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" && $0 != "\"" }
            && !value.hasPrefix("@") && !value.hasSuffix("@")
        if !ok { throw .invalidMessageID(field: field, value: value) }
    }

    static func checkUnsubscribe(_ value: String, scheme: String, field: String) throws(MessageWriterError) {
        let ok = value.lowercased().hasPrefix(scheme) && value.utf8.count > scheme.utf8.count && value.utf8.count <= 900
            && value.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" && $0 != "," }
        if !ok { throw .invalidUnsubscribe(field: field, value: value) }
    }

    /// The unbreakable pieces of one address: display-name words (or encoded words), then "<local@domain>".
    static func addressChunks(_ address: MailAddress, field: String, firstWordLimit: Int) throws(MessageWriterError) -> [String] {
        try checkInjection(address.localPart, field: "\(field) local part")
        try checkInjection(address.domain, field: "\(field) domain")
        let spec = try addrSpec(address, field: field)
        guard let rawName = address.displayName else { return [spec] }
        try checkInjection(rawName, field: "\(field) display name")
        let name = AddressParser.collapseWhitespace(rawName)
        guard !name.isEmpty else { return [spec] }
        let asciiPrintable = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value <= 0x7E }
        if asciiPrintable, !name.contains("=?") {
            let phrase = AddressParser.formatPhrase(name)
            if phrase.hasPrefix("\"") {
                if phrase.utf8.count <= 200 { return [phrase, "<" + spec + ">"] }
            } else {
                return phrase.split(separator: " ").map(String.init) + ["<" + spec + ">"]
            }
        }
        return RFC2047.encodeWords(name, firstWordLimit: firstWordLimit) + ["<" + spec + ">"]
    }

    /// Validates and formats `local@domain` (ASCII only; SMTPUTF8 addresses are not produced here).
    static func addrSpec(_ address: MailAddress, field: String) throws(MessageWriterError) -> String {
        let local = address.localPart
        let domain = address.domain
        let raw = local + "@" + domain
        if local.isEmpty { throw .invalidAddress(field: field, value: raw, reason: "the local part is empty") }
        if domain.isEmpty { throw .invalidAddress(field: field, value: raw, reason: "the domain is empty") }
        guard local.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
            throw .invalidAddress(field: field, value: raw, reason: "the local part is not printable ASCII (SMTPUTF8 is not supported)")
        }
        let domainOK = domain.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "." || scalar == "[" || scalar == "]" || scalar == ":"
        }
        guard domainOK, !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            throw .invalidAddress(field: field, value: raw, reason: "the domain must be letters, digits, hyphens and dots (use punycode for IDNs)")
        }
        let spec = AddressParser.formatLocalPart(local) + "@" + domain
        if spec.utf8.count > 900 { throw .invalidAddress(field: field, value: raw, reason: "the address is too long") }
        return spec
    }
}
