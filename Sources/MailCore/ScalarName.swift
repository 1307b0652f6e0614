/// Human-readable names for characters quoted in error messages (e.g. "CR (U+000D)").
enum ScalarName {
    static func of(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar {
        case "\r": return "CR (\(code))"
        case "\n": return "LF (\(code))"
        case "\0": return "NUL (\(code))"
        case " ": return "space (\(code))"
        case "\t": return "tab (\(code))"
        default: return "\"\(scalar)\" (\(code))"
        }
    }
}
