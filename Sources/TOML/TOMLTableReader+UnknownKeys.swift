extension TOMLTableReader {
    /// Records "unknown key" for every key never asked for, suggesting the closest asked-for key (edit distance <= 2).
    public func rejectUnknownKeys() {
        let known = tracker.asked.sorted()
        for key in table.keys where !tracker.asked.contains(key) {
            var message = "unknown key"
            if let suggestion = Self.closest(to: key, among: known) {
                message += "; did you mean \(path(of: suggestion))?"
            }
            problem(key, message)
        }
    }

    /// The candidate within edit distance 2 of `key` with the smallest distance (first alphabetically on ties).
    static func closest(to key: String, among candidates: [String]) -> String? {
        let target = Array(key.lowercased())
        var best: (distance: Int, key: String)?
        for candidate in candidates {
            let letters = Array(candidate.lowercased())
            guard abs(letters.count - target.count) <= 2 else { continue }
            let distance = editDistance(target, letters)
            if distance <= 2, distance < (best?.distance ?? Int.max) {
                best = (distance, candidate)
            }
        }
        return best?.key
    }

    /// Levenshtein distance between two character arrays.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, charA) in a.enumerated() {
            var current = [i + 1]
            for (j, charB) in b.enumerated() {
                current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (charA == charB ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
