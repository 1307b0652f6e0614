/// A text reduced to padded folded words, searched for whole-word phrases and able to mask phrases out.
struct PhraseText {
    /// " word word … " (see `TextFold.words`).
    private(set) var padded: String {
        didSet { plain = TextSearch.isPlainASCII(padded) }
    }
    /// Whether `padded` is plain ASCII, so searches in it may compare bytes.
    private var plain: Bool
    /// Every word of the original text: a phrase whose first word is missing cannot occur (a cheap pre-check).
    private let wordSet: Set<Substring>

    /// Prepares `text` for phrase search.
    init(_ text: String) {
        let words = TextFold.words(text, boundaries: true)
        padded = words
        plain = TextSearch.isPlainASCII(words)
        wordSet = Set(words.split(separator: " "))
    }

    /// False when the first word of `key` is not in the text at all.
    private func mayContain(_ key: String, firstWord: Substring?) -> Bool {
        wordSet.contains(firstWord ?? Self.firstWord(of: key))
    }

    /// The first word of a padded key (" not interested " → "not"); found by bytes when the key is plain ASCII.
    static func firstWord(of key: String) -> Substring {
        let utf8 = key.utf8
        guard utf8.first == UInt8(ascii: " "), TextSearch.isPlainASCII(key) else { return key.dropFirst().prefix { $0 != " " } }
        let start = utf8.index(after: utf8.startIndex)
        let end = utf8[start...].firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex
        return key[start..<end]
    }

    /// The first range of `key` in `padded` at or after `start` (the start when nil).
    func range(of key: String, from start: String.Index? = nil) -> Range<String.Index>? {
        TextSearch.range(of: key, in: padded, from: start, plain: plain)
    }

    /// The phrase in padded word form: " not interested ".
    static func key(_ phrase: String) -> String {
        TextFold.words(phrase)
    }

    /// True when `phrase` occurs as whole words.
    func contains(_ phrase: String) -> Bool {
        contains(key: Self.key(phrase))
    }

    /// True when the padded `key` (see `key(_:)`) occurs; `firstWord`, when given, must be `firstWord(of: key)`.
    func contains(key: String, firstWord: Substring? = nil) -> Bool {
        !TextFold.hasAtMost(key, 2) && mayContain(key, firstWord: firstWord) && range(of: key) != nil
    }

    /// True when `phrase` occurs at least once without one of `negators` among the `window` words before it.
    func containsUnnegated(_ phrase: String, negators: [String], window: Int = 3) -> Bool {
        containsUnnegated(key: Self.key(phrase), negators: negators, window: window)
    }

    /// `containsUnnegated` for a precomputed padded key (and its first word, see `contains(key:firstWord:)`).
    func containsUnnegated(key: String, negators: [String], window: Int = 3, firstWord: Substring? = nil) -> Bool {
        guard !TextFold.hasAtMost(key, 2), mayContain(key, firstWord: firstWord) else { return false }
        var searchStart = padded.startIndex
        var guardCount = 0
        while guardCount < 1_000, let range = self.range(of: key, from: searchStart) {
            guardCount += 1
            let lookBack = padded.index(range.lowerBound, offsetBy: -120, limitedBy: padded.startIndex) ?? padded.startIndex
            var before = padded[lookBack..<range.lowerBound].split(separator: " ").suffix(window).map(String.init)
            if let stop = before.lastIndex(where: { $0 == "|" || $0 == "?" }) { before = Array(before[(stop + 1)...]) }
            let joined = " " + before.joined(separator: " ") + " "
            let negated = negators.contains { TextSearch.contains(joined, " " + $0 + " ") }
            if !negated { return true }
            searchStart = padded.index(before: range.upperBound)
        }
        return false
    }

    /// The words right at the start of the text.
    func starts(with phrase: String) -> Bool {
        let key = Self.key(phrase)
        var start = Substring(padded)
        while start.hasPrefix(" | ") || start.hasPrefix(" ? ") { start = start.dropFirst(2) }
        return !TextFold.hasAtMost(key, 2) && start.hasPrefix(key)
    }

    /// Replaces every occurrence of `phrase` by a neutral token so later searches do not see it.
    mutating func mask(_ phrase: String, with token: String = "#") {
        mask(key: Self.key(phrase), with: token)
    }

    /// `mask` for a precomputed padded key.
    mutating func mask(key: String, with token: String = "#") {
        guard !TextFold.hasAtMost(key, 2) else { return }
        var count = 0
        while count < 1_000, let range = self.range(of: key) {
            padded.replaceSubrange(range, with: " " + token + " ")
            count += 1
        }
    }

    /// True when no words remain.
    var isEmpty: Bool { padded.allSatisfy { $0 == " " || $0 == "|" || $0 == "?" } }

    /// True when `key` occurs at least once in a sentence that does not end with a question mark.
    func occursOutsideQuestions(key: String) -> Bool {
        var searchStart = padded.startIndex
        var count = 0
        while count < 1_000, let range = self.range(of: key, from: searchStart) {
            count += 1
            let after = padded[range.upperBound...].prefix(400).split(separator: " ")
            if after.first(where: { $0 == "|" || $0 == "?" }) != "?" { return true }
            searchStart = padded.index(before: range.upperBound)
        }
        return false
    }
}
