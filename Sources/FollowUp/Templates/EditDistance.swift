/// Levenshtein distance, used to suggest the built-in a typo meant.
enum EditDistance {
    /// The longest word compared; longer inputs get no suggestion.
    private static let lengthLimit = 64

    /// The candidate nearest to `word` when its distance is at most `maximum`.
    static func closest(to word: String, in candidates: [String], maximum: Int) -> String? {
        var best: (String, Int)? = nil
        for candidate in candidates {
            guard let distance = distance(word, candidate), distance <= maximum else { continue }
            if best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// The edit distance between `a` and `b`, or nil when either is too long to compare.
    static func distance(_ a: String, _ b: String) -> Int? {
        let left = Array(a)
        let right = Array(b)
        guard left.count <= lengthLimit, right.count <= lengthLimit else { return nil }
        var previous = Array(0...right.count)
        var current = Array(repeating: 0, count: right.count + 1)
        for (i, leftCharacter) in left.enumerated() {
            current[0] = i + 1
            for (j, rightCharacter) in right.enumerated() {
                let substitution = previous[j] + (leftCharacter == rightCharacter ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
