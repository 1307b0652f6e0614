/// Subject-line rules for threaded follow-ups.
public enum Subject {
    static let replyPrefixes = ["re", "aw", "sv", "antw", "vs", "rif", "odp"]

    /// "Re: " plus the subject with every leading reply prefix (Re:, RE:, Aw:, Re[2]:, SV:, …) removed; never "Re: Re:".
    /// Forward prefixes (Fwd:, WG:, TR:) are kept, because a forward is not a reply.
    public static func reply(to first: String) -> String {
        let base = stripReplyPrefixes(first)
        return base.isEmpty ? "Re:" : "Re: " + base
    }

    /// The subject without leading reply prefixes and surrounding whitespace.
    public static func stripReplyPrefixes(_ subject: String) -> String {
        var text = Substring(subject.trimmingWSP())
        for _ in 0..<100 {
            guard let stripped = dropOnePrefix(text) else { break }
            text = Substring(String(stripped).trimmingWSP())
        }
        return String(text)
    }

    private static func dropOnePrefix(_ text: Substring) -> Substring? {
        guard let colon = text.prefix(12).firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        var word = text[..<colon].trimmingCharactersWSP()
        // "Re[2]" and "Re(2)" counters
        if let bracket = word.firstIndex(where: { $0 == "[" || $0 == "(" }), word.last == "]" || word.last == ")" {
            let counter = word[word.index(after: bracket)..<word.index(before: word.endIndex)]
            guard counter.allSatisfy(\.isNumber) else { return nil }
            word = word[..<bracket]
        }
        guard replyPrefixes.contains(word.lowercased()) else { return nil }
        return text[text.index(after: colon)...]
    }
}

extension Substring {
    fileprivate func trimmingCharactersWSP() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
