/// The features the intent model reads from a person's own words, computed exactly as
/// `scripts/train-intent-model.py` computes them for training: word 1- and 2-grams, character 3- to
/// 5-grams inside words, and a length bucket, each hashed (FNV-1a) into a fixed number of buckets.
enum IntentFeatures {
    /// Words beyond this many are ignored.
    static let maxWords = 400

    /// The text lowercased, accents removed, each digit as `0`, and every character that is not a
    /// letter or a digit as a space.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            for low in String(scalar).lowercased().unicodeScalars {
                switch low.value {
                case 0x30...0x39: out.append("0")
                case 0x61...0x7A: out.append(low)
                case 0x80...: out.append(isLetter(low) ? low : " ")
                default: out.append(" ")
                }
            }
        }
        return String(out)
    }

    /// True for a letter in Unicode's general categories L* (as Python's `unicodedata.category` sees it).
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// The folded words of `text`, at most `maxWords`.
    static func words(_ text: String) -> [Substring] {
        Array(fold(text).split(separator: " ").prefix(maxWords))
    }

    /// The feature names of `text`, each once, in first-seen order.
    static func names(_ text: String) -> [String] {
        let words = words(text)
        var seen = Set<String>()
        var names: [String] = []
        func add(_ name: String) {
            if seen.insert(name).inserted { names.append(name) }
        }
        let count = words.count
        let bucket = count == 0 ? "0" : count <= 2 ? "1" : count <= 5 ? "2" : count <= 12 ? "3" : count <= 30 ? "4" : "5"
        add("len:" + bucket)
        for (index, word) in words.enumerated() {
            add("w:" + word)
            if index + 1 < words.count { add("b:" + word + " " + words[index + 1]) }
            let padded = Array((" " + word + " ").unicodeScalars)
            for length in 3...5 where padded.count >= length {
                for start in 0...(padded.count - length) {
                    var gram = String.UnicodeScalarView()
                    gram.append(contentsOf: padded[start..<(start + length)])
                    add("c:" + String(gram))
                }
            }
        }
        add("b:<s> " + (words.first.map(String.init) ?? ""))
        return names
    }

    /// FNV-1a, 32 bits, over the UTF-8 bytes of `name`.
    static func hash(_ name: String) -> UInt32 {
        var value: UInt32 = 0x811C_9DC5
        for byte in name.utf8 {
            value ^= UInt32(byte)
            value = value &* 0x0100_0193
        }
        return value
    }

    /// The sparse feature vector: bucket → value, each feature weighing 1/√n, colliding ones summed.
    static func vector(_ text: String, buckets: Int) -> [Int: Double] {
        let names = names(text)
        let value = 1 / Double(names.count).squareRoot()
        var vector: [Int: Double] = [:]
        for name in names {
            vector[Int(hash(name) % UInt32(buckets)), default: 0] += value
        }
        return vector
    }
}
