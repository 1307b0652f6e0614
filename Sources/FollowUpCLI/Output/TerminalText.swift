/// Text from outside (a reply's body, a subject, a classified file) made safe to print: control
/// characters other than newline and tab, which could move the cursor, change colours or retitle
/// the terminal, become U+FFFD; everything else is kept as it is.
enum TerminalText {
    /// `text` without terminal control characters.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
