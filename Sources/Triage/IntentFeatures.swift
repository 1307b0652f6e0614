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
        // ASCII text (most replies) needs neither decomposition nor Unicode case mapping.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        let scalars = ascii ? text.unicodeScalars : text.decomposedStringWithCanonicalMapping.unicodeScalars
        for scalar in scalars {
            if scalar.value < 0x80 {
                out.append(foldASCII(scalar))
                continue
            }
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

    /// One ASCII scalar folded: a letter lowercased, a digit as 0, anything else a space.
    private static func foldASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5A: return Unicode.Scalar(UInt8(scalar.value + 0x20))
        case 0x61...0x7A: return scalar
        case 0x30...0x39: return "0"
        default: return " "
        }
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
    /// The same features as `names`, hashed straight from the bytes without building each string.
    static func vector(_ text: String, buckets: Int) -> [Int: Double] {
        vector(words: words(text), buckets: buckets)
    }

    /// The sparse feature vector of already folded words.
    static func vector(words: [Substring], buckets: Int) -> [Int: Double] {
        let hashes = hashedFeatures(words)
        let value = 1 / Double(hashes.count).squareRoot()
        var vector: [Int: Double] = [:]
        for hash in hashes {
            vector[Int(hash % UInt32(buckets)), default: 0] += value
        }
        return vector
    }

    /// FNV-1a state after the bytes of `prefix`.
    private static func state(_ prefix: String) -> UInt32 { hash(prefix) }

    /// Continues an FNV-1a hash over `bytes`.
    @inline(__always)
    private static func extend(_ start: UInt32, _ bytes: some Collection<UInt8>) -> UInt32 {
        var value = start
        for byte in bytes {
            value ^= UInt32(byte)
            value = value &* 0x0100_0193
        }
        return value
    }

    private static let wordState = state("w:")
    private static let pairState = state("b:")
    private static let gramState = state("c:")
    private static let space: [UInt8] = [0x20]

    /// The 32-bit hashes of the features of `words`, each once, in the order of `names`.
    static func hashedFeatures(_ words: [Substring]) -> [UInt32] {
        var seen = Set<UInt32>()
        var hashes: [UInt32] = []
        hashes.reserveCapacity(words.count * 24)
        func add(_ hash: UInt32) {
            if seen.insert(hash).inserted { hashes.append(hash) }
        }
        let count = words.count
        let bucket = count == 0 ? "0" : count <= 2 ? "1" : count <= 5 ? "2" : count <= 12 ? "3" : count <= 30 ? "4" : "5"
        add(hash("len:" + bucket))
        for (index, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            add(extend(wordState, bytes))
            if index + 1 < words.count {
                add(extend(extend(extend(pairState, bytes), space), words[index + 1].utf8))
            }
            // Character n-grams over " word ", counted in Unicode scalars as the script does.
            let padded = [0x20] + bytes + [0x20]
            var starts: [Int] = []
            starts.reserveCapacity(padded.count + 1)
            for (offset, byte) in padded.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
            starts.append(padded.count)
            let scalars = starts.count - 1
            for length in 3...5 where scalars >= length {
                for first in 0...(scalars - length) {
                    add(extend(gramState, padded[starts[first]..<starts[first + length]]))
                }
            }
        }
        add(hash("b:<s> " + (words.first.map(String.init) ?? "")))
        return hashes
    }
}
