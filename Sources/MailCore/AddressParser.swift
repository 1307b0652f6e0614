/// The tolerant RFC 5322 address grammar behind `MailAddress`: quoted strings, comments, angle addresses, groups.
enum AddressParser {
    static let maxInput = 100_000
    static let maxAddresses = 1_000

    static func parseOne(_ text: String) throws(MailAddressError) -> MailAddress {
        for scalar in text.unicodeScalars where scalar == "\r" || scalar == "\n" || scalar == "\0" {
            throw .forbiddenCharacter(input: text, character: ScalarName.of(scalar))
        }
        let scalars = Array(text.unicodeScalars.prefix(maxInput))
        return try parseSegment(scalars[...], original: text)
    }

    static func parseList(_ text: String) -> [MailAddress] {
        if let simple = simpleAddress(text) { return simple.map { [$0] } ?? [] }
        return parseListInGeneral(text)
    }

    /// The one address of `text` when `text` is in the simplest, most common form (plain ASCII,
    /// `Name <local@domain>` or `local@domain`, without quotes, comments, groups or a second
    /// address), read straight from its bytes: `.some(nil)` when that address is not valid. Nil
    /// when `text` is not in that form; `parseListInGeneral` then reads it. Both give the same
    /// result for every text this one reads (a test compares them).
    static func simpleAddress(_ text: String) -> MailAddress?? {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxInput, !bytes.contains(where: { $0 >= 0x80 || Self.notSimple[Int($0)] }) else { return nil }
        let spec: String
        var displayName: String?
        if let open = bytes.firstIndex(of: UInt8(ascii: "<")) {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            spec = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            let phrase = bytes[..<open]
            if phrase.contains(where: { $0 != 32 && $0 != 9 }) {
                let name = collapseWhitespace(RFC2047.decode(String(decoding: phrase, as: UTF8.self)))
                displayName = name.isEmpty ? nil : name
            }
        } else {
            guard !bytes.contains(UInt8(ascii: ">")) else { return nil }
            spec = text
        }
        guard let (local, domain) = try? splitSpec(spec, original: text) else { return .some(nil) }
        return .some(MailAddress(displayName: displayName, localPart: local, domain: domain))
    }

    /// The bytes that put a text outside `simpleAddress`'s form: quotes, comments, escapes, list
    /// and group separators, and line breaks or NUL.
    private static let notSimple: [Bool] = (0..<128).map { byte in
        [0, 10, 13, 34, 40, 41, 44, 58, 59, 92].contains(byte)
    }

    /// Every address of a header value in any form the grammar allows (see `parseList`).
    static func parseListInGeneral(_ text: String) -> [MailAddress] {
        let scalars = Array(text.unicodeScalars.prefix(maxInput))
        var result: [MailAddress] = []
        var start = 0
        var i = 0
        var inQuote = false
        var commentDepth = 0
        var inAngle = false
        func flush(_ end: Int) {
            if end > start, result.count < maxAddresses,
                let address = try? parseSegment(scalars[start..<end], original: String(String.UnicodeScalarView(scalars[start..<end])))
            {
                result.append(address)
            }
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuote {
                if c == "\\" { i += 1 } else if c == "\"" { inQuote = false }
            } else if commentDepth > 0 {
                if c == "\\" { i += 1 } else if c == "(" { commentDepth += 1 } else if c == ")" { commentDepth -= 1 }
            } else if c == "\"" {
                inQuote = true
            } else if c == "(" {
                commentDepth = 1
            } else if c == "<" {
                inAngle = true
            } else if c == ">" {
                inAngle = false
            } else if !inAngle, c == "," || c == ";" {
                flush(i)
                start = i + 1
            } else if !inAngle, c == ":" {
                start = i + 1
            }
            i += 1
        }
        flush(scalars.count)
        return result
    }

    /// Parses one address from a slice with no top-level commas.
    static func parseSegment(_ s: ArraySlice<Unicode.Scalar>, original: String) throws(MailAddressError) -> MailAddress {
        var phrase = ""
        var phraseHasContent = false
        var angle: String.UnicodeScalarView?
        var bare = ""
        var comments: [String] = []
        var i = s.startIndex
        var pendingUnquoted = String.UnicodeScalarView()
        func flushUnquoted() {
            if !pendingUnquoted.isEmpty {
                phrase += RFC2047.decode(String(pendingUnquoted))
                pendingUnquoted = String.UnicodeScalarView()
            }
        }
        while i < s.endIndex {
            let c = s[i]
            if c == "\"" {
                var j = i + 1
                var quoted = String.UnicodeScalarView()
                var closed = false
                while j < s.endIndex {
                    if s[j] == "\\", j + 1 < s.endIndex { quoted.append(s[j + 1]); j += 2; continue }
                    if s[j] == "\"" { closed = true; break }
                    quoted.append(s[j])
                    j += 1
                }
                if !closed { throw .unbalanced(input: original) }
                if angle == nil {
                    flushUnquoted()
                    phrase += String(quoted)
                    phraseHasContent = true
                }
                bare += "\"" + String(quoted) + "\""
                i = j + 1
            } else if c == "(" {
                var depth = 1
                var j = i + 1
                var comment = String.UnicodeScalarView()
                while j < s.endIndex, depth > 0 {
                    if s[j] == "\\", j + 1 < s.endIndex { comment.append(s[j + 1]); j += 2; continue }
                    if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1; if depth == 0 { break } }
                    comment.append(s[j])
                    j += 1
                }
                if depth > 0 { throw .unbalanced(input: original) }
                comments.append(String(comment))
                pendingUnquoted.append(" ")
                i = j + 1
            } else if c == "<" {
                var j = i + 1
                var inside = String.UnicodeScalarView()
                while j < s.endIndex, s[j] != ">" { inside.append(s[j]); j += 1 }
                if j >= s.endIndex { throw .unbalanced(input: original) }
                if angle == nil { angle = inside }
                i = j + 1
            } else {
                if angle == nil {
                    pendingUnquoted.append(c)
                    if c != " " && c != "\t" { phraseHasContent = true }
                }
                bare.unicodeScalars.append(c)
                i += 1
            }
        }
        flushUnquoted()
        let spec: String
        var displayName: String?
        if let angle {
            spec = String(angle)
            let name = collapseWhitespace(phrase)
            displayName = (phraseHasContent && !name.isEmpty) ? name : nil
        } else {
            spec = bare
            let comment = collapseWhitespace(comments.first.map { RFC2047.decode($0) } ?? "")
            displayName = comment.isEmpty ? nil : comment
        }
        let (local, domain) = try splitSpec(spec, original: original)
        return MailAddress(displayName: displayName, localPart: local, domain: domain)
    }

    static func splitSpec(_ rawSpec: String, original: String) throws(MailAddressError) -> (String, String) {
        var spec = rawSpec.trimmingWSP()
        if spec.hasPrefix("@"), let colon = spec.firstIndex(of: ":") {  // obsolete route
            spec = String(spec[spec.index(after: colon)...])
        }
        if spec.isEmpty { throw .empty }
        guard let at = spec.lastIndex(of: "@") else { throw .missingAt(input: original) }
        var local = String(spec[..<at]).trimmingWSP()
        let domain = String(spec[spec.index(after: at)...]).trimmingWSP()
        if local.hasPrefix("\""), local.hasSuffix("\""), local.count >= 2 {
            local = String(local.dropFirst().dropLast())
        } else {
            for scalar in local.unicodeScalars where ",;<>@ \t\"".unicodeScalars.contains(scalar) {
                throw .forbiddenCharacter(input: original, character: ScalarName.of(scalar))
            }
        }
        if local.isEmpty { throw .emptyLocalPart(input: original) }
        if domain.isEmpty { throw .emptyDomain(input: original) }
        for scalar in domain.unicodeScalars where " \t<>,;@\"".unicodeScalars.contains(scalar) {
            throw .forbiddenCharacter(input: original, character: ScalarName.of(scalar))
        }
        return (local, domain)
    }

    static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isAtext(_ s: Unicode.Scalar) -> Bool {
        if s.value >= 0x80 { return false }
        if (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") { return true }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(s)
    }

    /// The local part as a dot-atom when possible, else as a quoted string.
    static func formatLocalPart(_ local: String) -> String {
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        let dotAtom = !atoms.contains { $0.isEmpty || !$0.unicodeScalars.allSatisfy { isAtext($0) || $0.value >= 0x80 } }
        return dotAtom ? local : quote(local)
    }

    /// A display name as a phrase: bare when it is atoms and spaces, quoted otherwise.
    static func formatPhrase(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { isAtext($0) || $0 == " " || $0.value >= 0x80 }
        let simple = plain && !name.hasPrefix(" ") && !name.hasSuffix(" ") && !name.containsUTF8("  ") && !name.containsUTF8("=?")
        return simple ? name : quote(name)
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}
