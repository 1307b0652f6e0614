/// Address headers: display names (bare words, a quoted string or encoded words) and addr-specs, validated and folded.
extension MessageWriter {
    /// A header holding addresses, display names encoded as needed, folded between words and addresses.
    func writeAddressHeader(_ name: String, _ addresses: [MailAddress], into out: inout [UInt8]) throws(MessageWriterError) {
        var folder = HeaderFolder(name: name, into: &out)
        for (index, address) in addresses.enumerated() {
            try writeAddress(
                address, field: addresses.count == 1 ? name : "\(name)[\(index)]",
                firstWordLimit: index == 0 ? 76 - name.utf8.count - 2 : 75, comma: index < addresses.count - 1,
                folder: &folder, into: &out)
        }
        try folder.finish(into: &out)
    }

    /// The unbreakable pieces of one address: display-name words (or encoded words), then "<local@domain>".
    func writeAddress(
        _ address: MailAddress, field: @autoclosure () -> String, firstWordLimit: Int, comma: Bool,
        folder: inout HeaderFolder, into out: inout [UInt8]
    ) throws(MessageWriterError) {
        try HeaderRules.checkInjection(address.localPart, field: "\(field()) local part")
        try HeaderRules.checkInjection(address.domain, field: "\(field()) domain")
        let quotedLocal = try Self.checkAddrSpec(address, field: field())
        guard let rawName = address.displayName else {
            Self.writeAddrSpec(address, quotedLocal: quotedLocal, bracketed: false, comma: comma, folder: &folder, into: &out)
            return
        }
        try HeaderRules.checkInjection(rawName, field: "\(field()) display name")
        let name = rawName.withUTF8Bytes(Self.needsCollapsing) ? AddressParser.collapseWhitespace(rawName) : rawName
        guard !name.isEmpty else {
            Self.writeAddrSpec(address, quotedLocal: quotedLocal, bracketed: false, comma: comma, folder: &folder, into: &out)
            return
        }
        name.withUTF8Bytes { bytes in
            Self.writePhrase(name, bytes: bytes, firstWordLimit: firstWordLimit, folder: &folder, into: &out)
        }
        Self.writeAddrSpec(address, quotedLocal: quotedLocal, bracketed: true, comma: comma, folder: &folder, into: &out)
    }

    /// A collapsed display name as bare words, one quoted string (at most 200 octets) or encoded words.
    static func writePhrase(
        _ name: String, bytes: UnsafeBufferPointer<UInt8>, firstWordLimit: Int, folder: inout HeaderFolder, into out: inout [UInt8]
    ) {
        var asciiPrintable = true
        var bare = true
        var escapes = 0
        var previous: UInt8 = 0
        var hasEncodedWordStart = false
        for b in bytes {
            if b < 0x20 || b > 0x7E { asciiPrintable = false; break }
            if !(isAtext(b) || b == 32) { bare = false }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { escapes += 1 }
            if previous == UInt8(ascii: "="), b == UInt8(ascii: "?") { hasEncodedWordStart = true }
            previous = b
        }
        if asciiPrintable, !hasEncodedWordStart {
            if bare {
                var start = 0
                for i in 0...bytes.count where i == bytes.count || bytes[i] == 32 {
                    if i > start {
                        folder.beginChunk(length: i - start, into: &out)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    }
                    start = i + 1
                }
                return
            }
            if bytes.count + escapes + 2 <= 200 {
                folder.beginChunk(length: bytes.count + escapes + 2, into: &out)
                appendQuoted(bytes, into: &out)
                return
            }
        }
        writeEncodedWords(name, bytes: bytes, firstWordLimit: firstWordLimit, folder: &folder, into: &out)
    }

    /// Validates `local@domain` (ASCII only; SMTPUTF8 addresses are not produced here); returns whether the local part
    /// must be written as a quoted string.
    static func checkAddrSpec(_ address: MailAddress, field: @autoclosure () -> String) throws(MessageWriterError) -> Bool {
        func invalid(_ reason: String) -> MessageWriterError {
            .invalidAddress(field: field(), value: address.localPart + "@" + address.domain, reason: reason)
        }
        let local = address.localPart.utf8
        let domain = address.domain.utf8
        if local.isEmpty { throw invalid("the local part is empty") }
        if domain.isEmpty { throw invalid("the domain is empty") }
        guard local.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw invalid("the local part is not printable ASCII (SMTPUTF8 is not supported)")
        }
        let domainOK = address.domain.withUTF8Bytes { bytes in
            guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "."), last != UInt8(ascii: ".") else { return false }
            var previous: UInt8 = 0
            for b in bytes {
                let allowed = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                    || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: ":")
                guard allowed, !(b == UInt8(ascii: ".") && previous == UInt8(ascii: ".")) else { return false }
                previous = b
            }
            return true
        }
        guard domainOK else {
            throw invalid("the domain must be letters, digits, hyphens and dots (use punycode for IDNs)")
        }
        let quoted = !address.localPart.withUTF8Bytes(isDotAtom)
        if localLength(address.localPart, quoted: quoted) + 1 + domain.count > 900 { throw invalid("the address is too long") }
        return quoted
    }

    /// Writes `local@domain` as one chunk, in angle brackets when `bracketed`, with a comma after it when `comma` is set.
    static func writeAddrSpec(
        _ address: MailAddress, quotedLocal: Bool, bracketed: Bool, comma: Bool, folder: inout HeaderFolder, into out: inout [UInt8]
    ) {
        let length = localLength(address.localPart, quoted: quotedLocal) + 1 + address.domain.utf8.count
        folder.beginChunk(length: length + (bracketed ? 2 : 0) + (comma ? 1 : 0), into: &out)
        if bracketed { out.append(UInt8(ascii: "<")) }
        if quotedLocal {
            address.localPart.withUTF8Bytes { appendQuoted($0, into: &out) }
        } else {
            out.append(contentsOf: address.localPart.utf8)
        }
        out.append(UInt8(ascii: "@"))
        out.append(contentsOf: address.domain.utf8)
        if bracketed { out.append(UInt8(ascii: ">")) }
        if comma { out.append(UInt8(ascii: ",")) }
    }

    /// The length of the local part as written: as is, or quoted with `"` and `\` escaped.
    static func localLength(_ local: String, quoted: Bool) -> Int {
        guard quoted else { return local.utf8.count }
        var length = local.utf8.count + 2
        for b in local.utf8 where b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { length += 1 }
        return length
    }

    /// Appends `bytes` as a quoted string: `"`, the bytes with `"` and `\` escaped, `"`.
    static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Dot-separated non-empty runs of atext (the local part is known to be printable ASCII).
    static func isDotAtom(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous = UInt8(ascii: ".")
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if previous == UInt8(ascii: ".") { return false }
            } else if !isAtext(b) {
                return false
            }
            previous = b
        }
        return previous != UInt8(ascii: ".")
    }

    /// RFC 5322 atext in ASCII: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Whether collapsing whitespace would change `bytes`: a tab, a double space, or a space at either end.
    static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 32 || last == 32 { return true }
        var previous: UInt8 = 0
        for b in bytes {
            if b == 9 || (b == 32 && previous == 32) { return true }
            previous = b
        }
        return false
    }
}
