/// Finds email addresses written in free text ("jane@example.org", "<jane@example.org>", "mailto:jane@example.org").
enum AddressScanner {
    /// The distinct addresses in `text`, lowercased, in order of first appearance (at most `limit`).
    static func addresses(in text: String, limit: Int = 50) -> [String] {
        var found: [String] = []
        let separators: Set<Character> = [" ", "\t", "\n", "\r", "<", ">", "(", ")", "[", "]", ",", ";", "\"", "'", "*", "|"]
        for raw in TextFold.capped(text).split(whereSeparator: { separators.contains($0) }) {
            guard raw.contains("@"), raw.count <= 254 else { continue }
            var candidate = String(raw).lowercased()
            if candidate.hasPrefix("mailto:") { candidate = String(candidate.dropFirst(7)) }
            if let colon = candidate.lastIndex(of: ":"), candidate[..<colon].firstIndex(of: "@") == nil {
                candidate = String(candidate[candidate.index(after: colon)...])
            }
            while let last = candidate.last, last == "." || last == ":" || last == "!" || last == "?" { candidate.removeLast() }
            if isAddress(candidate), !found.contains(candidate) {
                found.append(candidate)
                if found.count >= limit { break }
            }
        }
        return found
    }

    /// True for "local@domain.tld" with ordinary characters.
    static func isAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, domain.contains("."),
            !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..")
        else { return false }
        let localOK = local.allSatisfy { $0.isLetter || $0.isNumber || "._%+-=&'/".contains($0) }
        let domainOK = domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        return localOK && domainOK
    }
}
