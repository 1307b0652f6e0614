import Foundation
import Testing
@testable import Triage

/// The byte-level fast paths of TextFold, TextSearch and PhraseText must answer exactly what the Foundation paths answer.
@Suite("ASCII fast paths agree with Foundation")
struct FastPathTests {
    /// A small deterministic generator (an LCG), so a failure can be replayed.
    struct Generator {
        var state: UInt64

        /// The next pseudo-random value below `bound`.
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        /// A string of `length` pieces drawn from `alphabet`.
        mutating func text(_ length: Int, from alphabet: [String]) -> String {
            (0..<length).map { _ in alphabet[next(alphabet.count)] }.joined()
        }
    }

    /// Every ASCII character, one string each.
    static let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    /// ASCII mixed with the characters that make Foundation's answers differ from a byte view.
    static let mixed = ascii + ["\r\n", "é", "e\u{301}", " \u{301}", "ß", "\u{A0}", "\u{2019}", "\u{201C}", "İ", "Σ", "\u{2028}", "\u{85}", "≠", "😀"]

    /// The fold that the ASCII fast path must reproduce: Foundation's lowercasing and diacritic folding, then quote and ß rewriting.
    static func referenceFold(_ text: String) -> String {
        var result = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        for (from, to) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("ß", "ss"), ("\u{A0}", " ")] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result
    }

    /// The word splitting that the ASCII fast path must reproduce, scalar by scalar over `referenceFold`.
    static func referenceWords(_ text: String, boundaries: Bool) -> String {
        var out = " "
        var lastSpace = true
        for scalar in referenceFold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastSpace = false
            } else if boundaries, scalar == "." || scalar == "!" || scalar == "?" || scalar == ";" {
                out += (lastSpace ? "" : " ") + (scalar == "?" ? "?" : "|") + " "
                lastSpace = true
            } else if !lastSpace {
                out += " "
                lastSpace = true
            }
        }
        return lastSpace ? out : out + " "
    }

    @Test("fold, words and trim match Foundation on every pair of ASCII characters")
    func asciiPairs() {
        var mismatches = 0
        for a in Self.ascii {
            for b in Self.ascii {
                let text = a + "Ab" + b + " Q" + a
                if TextFold.fold(text) != Self.referenceFold(text) { mismatches += 1 }
                if TextFold.words(text, boundaries: true) != Self.referenceWords(text, boundaries: true) { mismatches += 1 }
                if TextFold.trim(text) != text.trimmingCharacters(in: .whitespacesAndNewlines) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("fold, words, trim and counts match Foundation on mixed text")
    func mixedText() {
        var generator = Generator(state: 0x5EED)
        for round in 0..<3_000 {
            let text = generator.text(round % 23, from: round % 3 == 0 ? Self.mixed : Self.ascii)
            #expect(TextFold.fold(text) == Self.referenceFold(text), "fold \(text.debugDescription)")
            #expect(TextFold.words(text) == Self.referenceWords(text, boundaries: false), "words \(text.debugDescription)")
            #expect(TextFold.trim(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "trim \(text.debugDescription)")
            let limit = generator.next(12)
            #expect(TextFold.hasAtMost(text, limit) == (text.count <= limit), "count \(text.debugDescription)")
        }
    }

    @Test("byte search finds what Foundation finds")
    func search() {
        var generator = Generator(state: 0xF00D)
        let alphabet = ["a", "b", " ", "\r", "\n", "\r\n", "é", "e\u{301}", "|"]
        for round in 0..<5_000 {
            let haystack = generator.text(generator.next(30), from: round % 2 == 0 ? Array(alphabet.prefix(3)) : alphabet)
            let needles = (0..<3).map { _ in generator.text(generator.next(4), from: Array(alphabet.prefix(round % 4 == 0 ? 9 : 3))) }
            let expected = needles.filter { haystack.range(of: $0) != nil }
            #expect(TextSearch.matching(needles, in: haystack) == expected, "\(haystack.debugDescription) \(needles)")
            #expect(TextSearch.containsAny(haystack, needles) == !expected.isEmpty)
            for needle in needles {
                #expect(TextSearch.range(of: needle, in: haystack) == haystack.range(of: needle), "\(haystack.debugDescription) \(needle.debugDescription)")
            }
        }
    }

    @Test("ASCII checks see a non-ASCII byte or carriage return at every position", arguments: 0..<20)
    func asciiChecks(length: Int) {
        let plain = String(repeating: "x", count: length)
        #expect(TextSearch.isPlainASCII(plain))
        #expect(TextFold.isASCII(plain))
        for position in 0..<length {
            var bytes = Array(plain.utf8)
            bytes[position] = 0x0D
            #expect(!TextSearch.isPlainASCII(String(decoding: bytes, as: UTF8.self)))
            #expect(TextFold.isASCII(String(decoding: bytes, as: UTF8.self)))
            bytes[position] = 0xC3
            bytes.insert(0xA9, at: position + 1)
            #expect(!TextSearch.isPlainASCII(String(decoding: bytes, as: UTF8.self)))
            #expect(!TextFold.isASCII(String(decoding: bytes, as: UTF8.self)))
        }
    }

    @Test("no character but q and Q folds to a q, so a text without them cannot name qmail")
    func onlyQFoldsToQ() {
        let folding = (0x80...0xFFFF).compactMap(Unicode.Scalar.init).filter { TextFold.fold(String($0)).unicodeScalars.contains("q") }
        #expect(folding.isEmpty, "\(folding)")
        #expect(!BounceDetector.mayMentionQmail("Héllo, nothing to see"))
        #expect(BounceDetector.mayMentionQmail("Hi. This is the QMAIL-send program at mx.example.net."))
        #expect(BounceDetector.mayMentionQmail("Héllo. This is the qmail-send program."))
        #expect(BounceDetector.mayMentionQmail("Grüße. This is the QMA\u{301}IL-send program."), "a combining accent folds away")
        #expect(!BounceDetector.mayMentionQmail("Grüße, quick question: quite a queue of quiet requests"), "q without mail")
    }

    @Test("a key's first word is the first word", arguments: [" not interested ", " no ", " ", "", "x", " e\u{301}t\u{e9} ", " \u{301}a b "])
    func firstWord(key: String) {
        #expect(PhraseText.firstWord(of: key) == key.dropFirst().prefix { $0 != " " })
    }
}
