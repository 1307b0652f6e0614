/// Validation rules the writer applies to every value that came from data (checked over UTF-8 bytes).
enum HeaderRules {
    /// Header names the writer owns or must never send; extra headers may not use them.
    static let reservedNames: Set<String> = [
        "bcc", "resent-bcc", "date", "from", "sender", "reply-to", "to", "cc", "subject", "message-id", "in-reply-to",
        "references", "mime-version", "content-type", "content-transfer-encoding", "list-unsubscribe",
        "list-unsubscribe-post",
    ]

    /// Throws when `value` holds CR, LF or NUL (or NEL, LS, PS): the characters that could end this header and start another.
    static func checkInjection(_ value: String, field: @autoclosure () -> String) throws(MessageWriterError) {
        if let scalar = value.withUTF8Bytes(forbiddenScalar) {
            throw .forbiddenCharacter(field: field(), character: ScalarName.of(scalar))
        }
    }

    /// The first CR, LF, NUL, NEL (U+0085), LS (U+2028) or PS (U+2029) in UTF-8 `bytes`, or nil.
    static func forbiddenScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 {
                if b == 13 || b == 10 || b == 0 { return Unicode.Scalar(b) }
            } else if b == 0xC2 {
                if i + 1 < bytes.count, bytes[i + 1] == 0x85 { return "\u{85}" }
            } else if b == 0xE2 {
                if i + 2 < bytes.count, bytes[i + 1] == 0x80 {
                    if bytes[i + 2] == 0xA8 { return "\u{2028}" }
                    if bytes[i + 2] == 0xA9 { return "\u{2029}" }
                }
            }
            i += 1
        }
        return nil
    }

    static func checkExtraName(_ name: String) throws(MessageWriterError) {
        try checkInjection(name, field: "extra header name")
        let valid = name.withUTF8Bytes { bytes in
            !bytes.isEmpty && bytes.count <= 76 && bytes.allSatisfy { $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: ":") }
        }
        guard valid else { throw .invalidHeaderName(name: name) }
        if reservedNames.contains(name.lowercased()) { throw .forbiddenHeader(name: name) }
    }

    /// Plain ASCII that can be written as-is: printable or tab, no edge whitespace, no "=?", no overlong word.
    static func isPlainUnstructured(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        var wordLength = 0
        var previous: UInt8 = 0
        for b in bytes {
            guard (b >= 0x20 && b <= 0x7E) || b == 9 else { return false }
            if b == 32 || b == 9 { wordLength = 0 } else { wordLength += 1 }
            if wordLength > 900 { return false }
            if previous == UInt8(ascii: "="), b == UInt8(ascii: "?") { return false }
            previous = b
        }
        return !(first == 32 || first == 9 || last == 32 || last == 9)
    }

    static func checkMessageID(_ value: String, field: @autoclosure () -> String) throws(MessageWriterError) {
        let ok = value.withUTF8Bytes { bytes in
            guard bytes.count <= 900, let first = bytes.first, let last = bytes.last,
                first != UInt8(ascii: "@"), last != UInt8(ascii: "@")
            else { return false }
            var hasAt = false
            for b in bytes {
                guard b > 32, b < 127, b != UInt8(ascii: "<"), b != UInt8(ascii: ">"), b != UInt8(ascii: "\"") else { return false }
                if b == UInt8(ascii: "@") { hasAt = true }
            }
            return hasAt
        }
        if !ok { throw .invalidMessageID(field: field(), value: value) }
    }

    static func checkUnsubscribe(_ value: String, scheme: String, field: String) throws(MessageWriterError) {
        let schemeBytes = Array(scheme.utf8)
        let ok = value.withUTF8Bytes { bytes in
            guard bytes.count > schemeBytes.count, bytes.count <= 900 else { return false }
            for (i, s) in schemeBytes.enumerated() {
                let b = bytes[i]
                guard (b >= 65 && b <= 90 ? b + 32 : b) == s else { return false }
            }
            return bytes.allSatisfy { b in
                b > 32 && b < 127 && b != UInt8(ascii: "<") && b != UInt8(ascii: ">") && b != UInt8(ascii: ",")
            }
        }
        if !ok { throw .invalidUnsubscribe(field: field, value: value) }
    }
}
