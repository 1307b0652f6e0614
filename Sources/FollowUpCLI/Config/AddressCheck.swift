/// A quick plausibility check for addresses written in the config (the engine validates prospects).
enum AddressCheck {
    /// True for `local@domain.tld` without spaces, controls or angle brackets.
    static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              address.utf8.count <= 254 else { return false }
        return !address.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0 == "," || $0.value == 0x7F }
    }
}
