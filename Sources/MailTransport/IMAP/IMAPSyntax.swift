import Foundation

/// Small pieces of IMAP syntax: quoting, mailbox names in URLs, response codes.
enum IMAPSyntax {
    /// An IMAP search date (`1-Dec-2026`) for the UTC day of `date`, with English month names
    /// whatever the machine's locale.
    static func searchDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = months[max(0, min(11, (parts.month ?? 1) - 1))]
        return "\(parts.day ?? 1)-\(month)-\(parts.year ?? 1970)"
    }

    /// A mailbox name we can send: not empty, no control characters, at most 500 bytes.
    static func isValidMailboxName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 500 && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// An IMAP atom (e.g. a header name): ASCII letters, digits and hyphens.
    static func isAtom(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// `text` as an IMAP quoted string (backslash and double quote escaped).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    /// `text` quoted, or nil when it cannot be a quoted string (controls, non-ASCII, too long).
    static func quotedIfSafe(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 998,
              text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
        return quoted(text)
    }

    /// The mailbox name percent-encoded for a libcurl IMAP URL path.
    static func urlPath(_ mailbox: String) -> String {
        var result = ""
        for byte in mailbox.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// The command's name for messages: `STATUS`, `UID SEARCH`, `NOOP`.
    static func commandName(_ command: String) -> String {
        let words = command.split(separator: " ")
        guard let first = words.first?.uppercased() else { return command }
        if first == "UID", words.count > 1 { return "UID \(words[1].uppercased())" }
        return first
    }

    /// The UID from an `[APPENDUID validity uid]` response code.
    static func appendUID(_ text: String) -> UInt32? {
        guard let range = text.uppercased().range(of: "[APPENDUID ") else { return nil }
        let words = text[range.upperBound...].split(separator: " ")
        guard words.count >= 2 else { return nil }
        return UInt32(words[1].prefix(while: \.isNumber))
    }

    /// True when a `NO` to SELECT/EXAMINE/STATUS means the mailbox does not exist: the response
    /// code is `[NONEXISTENT]` (RFC 5530), or there is no code at all (older servers). Other codes
    /// (`[UNAVAILABLE]`, `[SERVERBUG]`, …) are failures of the server, not of the name.
    static func saysMailboxIsMissing(_ refusal: String) -> Bool {
        let words = refusal.split(separator: " ", maxSplits: 1)
        guard words.count == 2, words[1].hasPrefix("["), let close = words[1].firstIndex(of: "]") else { return true }
        return words[1][words[1].index(after: words[1].startIndex)..<close].uppercased() == "NONEXISTENT"
    }
}
