/// A pragmatic check of the addresses prospects are imported with.
public enum EmailAddress {
    /// The longest address accepted, in UTF-8 octets.
    public static let maximumLength = 254
    /// The longest local part accepted, in UTF-8 octets.
    public static let maximumLocalLength = 64

    /// Characters allowed in a dot-atom local part besides letters, digits and non-ASCII text.
    private static let atomSpecials: Set<Character> = [
        "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~",
    ]

    /// Why `address` is not usable, or nil when it passes: one `@`, a dot-atom or quoted local part of at most 64
    /// octets, a domain with at least one dot whose labels are letters (ASCII or not), digits and inner hyphens,
    /// no spaces outside quotes, at most 254 octets in all.
    public static func problem(with address: String) -> String? {
        isPlainValidASCII(address) ? nil : fullProblem(with: address)  // the common case is decided on bytes
    }

    /// The full check behind `problem(with:)`, for any address.
    static func fullProblem(with address: String) -> String? {
        if address.isEmpty { return "it is empty" }
        if address.utf8.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        if address.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "it contains a control character"
        }
        guard let at = separatorIndex(address) else {
            return address.contains("@") ? "it has more than one @" : "it has no @"
        }
        let local = String(address[..<at])
        let domain = String(address[address.index(after: at)...])
        if let problem = localPartProblem(local) { return problem }
        return domainProblem(domain)
    }

    /// True for a plain ASCII address that `problem(with:)` accepts: `local@domain` with a dot-atom
    /// local part of letters, digits and atom specials, and a domain of at least two labels of
    /// letters, digits and inner hyphens, the last not all digits. False means "check fully", not
    /// "invalid": quoted local parts and non-ASCII addresses always take the full check.
    static func isPlainValidASCII(_ address: String) -> Bool {
        let bytes = address.utf8
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        var atIndex: Int?
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "@") {
            guard atIndex == nil else { return false }
            atIndex = index
        }
        guard let at = atIndex, at > 0, at <= maximumLocalLength, at < bytes.count - 1 else { return false }
        var previous = UInt8(ascii: ".")  // so a leading dot fails
        for byte in bytes.prefix(at) {
            if byte == UInt8(ascii: ".") {
                guard previous != UInt8(ascii: ".") else { return false }
            } else if !isASCIIAlphanumeric(byte) && !asciiAtomSpecials.contains(byte) {
                return false
            }
            previous = byte
        }
        guard previous != UInt8(ascii: ".") else { return false }
        var labels = 0
        var labelLength = 0
        var labelAllDigits = true
        previous = UInt8(ascii: ".")
        for byte in bytes.dropFirst(at + 1) {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labels += 1
                labelLength = 0
                labelAllDigits = true
            } else if isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") {
                guard !(byte == UInt8(ascii: "-") && labelLength == 0) else { return false }
                labelLength += 1
                guard labelLength <= 63 else { return false }
                labelAllDigits = labelAllDigits && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            } else {
                return false
            }
            previous = byte
        }
        guard labelLength > 0, previous != UInt8(ascii: "-"), !labelAllDigits else { return false }
        return labels + 1 >= 2
    }

    private static let asciiAtomSpecials: Set<UInt8> = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// True when `address` passes `problem(with:)`.
    public static func isValid(_ address: String) -> Bool {
        problem(with: address) == nil
    }

    /// The case-folded form used to compare addresses: the whole address lowercased.
    public static func identity(of address: String) -> String {
        address.lowercased()
    }

    /// The index of the only `@` outside a quoted local part, or nil when there is not exactly one.
    private static func separatorIndex(_ address: String) -> String.Index? {
        var inQuotes = false
        var escaped = false
        var found: String.Index? = nil
        var index = address.startIndex
        while index < address.endIndex {
            let character = address[index]
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == "@" && !inQuotes {
                if found != nil { return nil }
                found = index
            }
            index = address.index(after: index)
        }
        return found
    }

    /// Why the local part is not usable, or nil.
    private static func localPartProblem(_ local: String) -> String? {
        if local.isEmpty { return "nothing comes before the @" }
        if local.utf8.count > maximumLocalLength {
            return "the part before the @ is longer than \(maximumLocalLength) characters"
        }
        if local.hasPrefix("\"") {
            return quotedLocalProblem(local)
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "the part before the @ starts or ends with a dot, or has two dots in a row"
        }
        for character in local where character != "." {
            if character.isWhitespace { return "it contains a space" }
            let allowed = character.isLetter || character.isNumber || atomSpecials.contains(character)
                || !character.isASCII
            if !allowed { return "`\(character)` is not allowed before the @ unless that part is quoted" }
        }
        return nil
    }

    /// Why a quoted local part is not usable, or nil.
    private static func quotedLocalProblem(_ local: String) -> String? {
        guard local.count >= 2, local.hasSuffix("\"") else { return "the quoted part before the @ is not closed" }
        var escaped = false
        for character in local.dropFirst().dropLast() {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return "the quoted part before the @ has an unescaped quote"
            }
        }
        return escaped ? "the quoted part before the @ ends with a lone backslash" : nil
    }

    /// Why the domain is not usable, or nil.
    private static func domainProblem(_ domain: String) -> String? {
        if domain.isEmpty { return "nothing comes after the @" }
        if domain.contains(where: \.isWhitespace) { return "it contains a space" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "the domain `\(domain)` has no dot" }
        if let last = labels.last, !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return "the domain `\(domain)` ends in a number; use a domain name, not an IP address"
        }
        for label in labels {
            if label.isEmpty { return "the domain `\(domain)` has an empty label (two dots, or a dot at an end)" }
            if label.utf8.count > 63 { return "a label of the domain `\(domain)` is longer than 63 characters" }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "a label of the domain `\(domain)` starts or ends with a hyphen"
            }
            for character in label {
                let allowed = (character.isASCII && (character.isLetter || character.isNumber)) || character == "-"
                    || (!character.isASCII && (character.isLetter || character.isNumber || character.isMark))
                if !allowed { return "`\(character)` is not allowed in the domain `\(domain)`" }
            }
        }
        return nil
    }
}

extension Character {
    /// True for combining marks, which IDN labels may hold.
    fileprivate var isMark: Bool {
        unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: true
            default: false
            }
        }
    }
}
