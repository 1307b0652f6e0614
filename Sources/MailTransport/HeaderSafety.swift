/// Checks that keep data from outside from turning into protocol commands.
///
/// A CR or LF inside an address or a name would end the SMTP or IMAP command line and start a
/// new one; these checks refuse such values before they reach libcurl.
enum HeaderSafety {
    /// True for an address usable inside `<...>` in an SMTP envelope: no controls, spaces or brackets.
    static func isSafeAddress(_ address: String) -> Bool {
        !address.isEmpty && address.utf8.count <= 320 && address.contains("@")
            && !address.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "<" || $0 == ">" || $0.value == 0x7F })
    }

    /// True for a host-name-like token (EHLO name): letters, digits, dots, hyphens, brackets, colons.
    static func isSafeToken(_ token: String) -> Bool {
        !token.isEmpty && token.utf8.count <= 255
            && token.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-[]:".unicodeScalars.contains($0)) }
    }

    /// The value with control characters shown as escapes, for error messages.
    static func printable(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars.prefix(200) {
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
