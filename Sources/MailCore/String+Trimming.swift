extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF (by Unicode scalar, so "\r\n" is handled).
    func trimmingWSP() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isWSP($0) }),
            let last = scalars.lastIndex(where: { !Self.isWSP($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    static func isWSP(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\r" || s == "\n"
    }
}
