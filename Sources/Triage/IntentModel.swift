import Foundation

/// The learned second layer of intent detection: a multinomial logistic regression over hashed
/// word and character n-grams (`IntentFeatures`), trained by `scripts/train-intent-model.py` on the
/// project's own labelled replies. It speaks only when the explicit rules found nothing decisive,
/// and it may return a class only when its probability reaches that class's threshold. `no` and
/// `remove` share one threshold on their summed probability, set above the most the model gave
/// them together for any reply of another class in cross-validation, but at most 0.99.
struct IntentModel: Sendable {
    /// Number of hash buckets.
    let buckets: Int
    /// The classes, in the order of the weights.
    let classes: [ReplyIntent]
    /// One intercept per class.
    let intercepts: [Double]
    /// The probability each class needs before the model may return it.
    let thresholds: [Double]
    /// The factor that turns the stored int8 weights back into real ones.
    let scale: Double
    /// `buckets × classes` int8 weights, bucket-major.
    let weights: [Int8]

    init(buckets: Int, classes: [ReplyIntent], intercepts: [Double], thresholds: [Double], scale: Double, weightsBase64: String) {
        self.buckets = buckets
        self.classes = classes
        self.intercepts = intercepts
        self.thresholds = thresholds
        self.scale = scale
        let data = Data(base64Encoded: weightsBase64, options: .ignoreUnknownCharacters) ?? Data()
        // A model whose sizes disagree is never used (see `isUsable`), rather than read out of bounds.
        weights = [Int8](unsafeUninitializedCapacity: data.count) { buffer, count in
            count = data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// True when the parameters fit together.
    var isUsable: Bool {
        !classes.isEmpty && intercepts.count == classes.count && thresholds.count == classes.count && weights.count == buckets * classes.count
    }

    /// What the model makes of a text: the probability of each class, and the features that
    /// pushed hardest towards the most likely one.
    struct Reading: Sendable {
        /// Probabilities, in the order of `IntentModel.classes`.
        var probabilities: [Double]
        /// The most likely class and its probability.
        var best: (intent: ReplyIntent, probability: Double)
        /// True when `best` reaches its class's threshold.
        var decisive: Bool
        /// Up to five features (words and word pairs first, as folded text) with the largest weight towards `best`.
        var strongest: [String]
    }

    /// The raw class scores (before the softmax) of a feature vector.
    func scores(_ vector: [Int: Double]) -> [Double] {
        var scores = intercepts
        let width = classes.count
        for (bucket, value) in vector where bucket >= 0 && bucket < buckets {
            for k in 0..<width { scores[k] += Double(weights[bucket * width + k]) * scale * value }
        }
        return scores
    }

    /// Reads `text` (the person's own words); nil when the model is not usable.
    func read(_ text: String) -> Reading? {
        guard isUsable else { return nil }
        let words = IntentFeatures.words(text)
        let raw = scores(IntentFeatures.vector(words: words, buckets: buckets))
        let top = raw.max() ?? 0
        let exps = raw.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        let probabilities = exps.map { $0 / total }
        var bestIndex = 0
        for k in probabilities.indices where probabilities[k] > probabilities[bestIndex] { bestIndex = k }
        // The explanation names words and word pairs (character n-grams weigh too, but read badly).
        let width = classes.count
        var readable: [String] = words.map { "w:" + $0 }
        for index in words.indices.dropLast() { readable.append("b:" + words[index] + " " + words[index + 1]) }
        var ranked: [(String, Double)] = []
        var seen = Set<String>()
        for name in readable where seen.insert(name).inserted {
            let weight = Double(weights[Int(IntentFeatures.hash(name) % UInt32(buckets)) * width + bestIndex])
            if weight > 0 { ranked.append((String(name.dropFirst(2)), weight)) }
        }
        let strongest = ranked.sorted { $0.1 > $1.1 }.prefix(5).map { "\"" + $0.0 + "\"" }
        // "no" and "remove" both stop the mail: their threshold applies to their summed probability.
        let stopping = classes.indices.filter { classes[$0] == .no || classes[$0] == .remove }
        let mass = stopping.contains(bestIndex) ? stopping.map { probabilities[$0] }.reduce(0, +) : probabilities[bestIndex]
        return Reading(probabilities: probabilities, best: (classes[bestIndex], probabilities[bestIndex]),
                       decisive: mass >= thresholds[bestIndex], strongest: strongest)
    }
}
