/// Splits text into lines at CRLF, LF or a lone CR.
enum LineSplitter {
    /// The lines of `text`; a trailing line break yields a final empty line.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previousWasCR { previousWasCR = false; continue }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else if scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = true
                continue
            } else {
                current.append(scalar)
            }
            previousWasCR = false
        }
        lines.append(String(current))
        return lines
    }

    /// `text` with every line ending (CRLF, LF, lone CR) replaced by LF.
    static func normalizeToLF(_ text: String) -> String {
        lines(of: text).joined(separator: "\n")
    }
}
