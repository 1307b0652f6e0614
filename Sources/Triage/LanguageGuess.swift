/// A rough guess of a text's language from common words, used to read ambiguous numeric dates.
enum LanguageGuess {
    static let markers: [String: [String]] = [
        "en": ["the", "and", "i", "am", "will", "be", "back", "office", "you", "on", "until", "thanks", "my", "with", "is", "of"],
        "de": ["ich", "bin", "und", "der", "die", "das", "bis", "zum", "am", "nicht", "mit", "ihre", "sie", "wieder"],
        "fr": ["je", "suis", "le", "la", "les", "et", "du", "au", "vous", "de", "retour", "absent", "bureau"],
        "es": ["el", "la", "y", "estoy", "hasta", "los", "su", "de", "oficina", "fuera", "mi", "con"],
        "it": ["il", "e", "sono", "fino", "al", "della", "ufficio", "di", "mio", "con", "non"],
        "nl": ["ik", "ben", "het", "een", "tot", "en", "van", "niet", "met", "afwezig", "mijn"],
        "pt": ["o", "eu", "estou", "ate", "os", "do", "da", "escritorio", "com", "meu", "nao"],
    ]

    /// The best-scoring language code ("en", "de", …); "en" on a tie or no evidence.
    static func guess(_ text: String) -> String {
        let words = TextFold.words(String(text.prefix(4_000))).split(separator: " ")
        var counts: [String: Int] = [:]
        let sets = markers.mapValues { Set($0) }
        for word in words.prefix(800) {
            for (language, set) in sets where set.contains(String(word)) { counts[language, default: 0] += 1 }
        }
        var best = "en"
        var bestCount = counts["en"] ?? 0
        for language in ["de", "fr", "es", "it", "nl", "pt"] where (counts[language] ?? 0) > bestCount {
            best = language
            bestCount = counts[language] ?? 0
        }
        return best
    }
}
