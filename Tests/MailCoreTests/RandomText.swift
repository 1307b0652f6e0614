@testable import MailCore

/// Seeded generators of awkward Unicode text, names and addresses for property and fuzz tests.
struct RandomText {
    var rng: SplitMix64

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    static let pools: [[String]] = [
        Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").map(String.init),
        [" ", " ", " ", "\t", "  "],
        Array("!\"#$%&'()*+,-./:;<>?@[\\]^_`{|}~=").map(String.init) + ["=?", "?=", "=?utf-8?Q?x?=", "--", "Re:", "Bcc:"],
        ["é", "ü", "ß", "ñ", "Å", "ø", "ç", "€", "–", "—", "“", "”", "\u{A0}"],
        ["日本語", "中文", "한국어", "Ελληνικά", "кириллица", "עברית", "العربية", "ไทย"],
        ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇩🇪", "e\u{301}", "a\u{308}\u{301}", "\u{200D}", "\u{FEFF}"],
        ["\u{1}", "\u{7}", "\u{1B}", "\u{7F}", "\u{9F}"],
    ]

    mutating func int(_ upper: Int) -> Int {
        Int(rng.next(upperBound: UInt64(max(1, upper))))
    }

    mutating func chance(_ percent: Int) -> Bool {
        int(100) < percent
    }

    /// A single-line string (no CR, LF, NUL or Unicode line separators).
    mutating func line(maxPieces: Int) -> String {
        var out = ""
        let count = int(maxPieces + 1)
        let weights = [40, 12, 10, 12, 8, 8, 2]
        for _ in 0..<count {
            var pick = int(weights.reduce(0, +))
            var poolIndex = 0
            while pick >= weights[poolIndex] { pick -= weights[poolIndex]; poolIndex += 1 }
            let pool = Self.pools[poolIndex]
            out += pool[int(pool.count)]
        }
        return out
    }

    /// Multi-line text with mixed line endings, long lines and tricky line starts.
    mutating func body() -> String {
        var out = ""
        let lines = int(12)
        for _ in 0..<lines {
            switch int(10) {
            case 0: out += String(repeating: "x", count: 70 + int(1200))
            case 1: out += "From the desk of " + line(maxPieces: 5)
            case 2: out += "."
            case 3: out += line(maxPieces: 30) + "   "
            case 4: out += "--=_fu_" + line(maxPieces: 3)
            case 5: out += String(repeating: "ü", count: int(600))
            default: out += line(maxPieces: 40)
            }
            out += ["\n", "\r\n", "\r", "\n\n"][int(4)]
        }
        if chance(50) { out += line(maxPieces: 10) }
        return out
    }

    mutating func localPart() -> String {
        let atext = Array("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~")
        var parts: [String] = []
        for _ in 0..<(1 + int(3)) {
            parts.append(String((0..<(1 + int(8))).map { _ in atext[int(atext.count)] }))
        }
        if chance(10) { return "john " + parts.joined() }  // needs quoting
        return parts.joined(separator: ".")
    }

    mutating func domain() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var labels: [String] = []
        for _ in 0..<(1 + int(3)) {
            labels.append(String((0..<(1 + int(10))).map { _ in letters[int(letters.count)] }))
        }
        return labels.joined(separator: ".") + ".example"
    }

    mutating func address() -> MailAddress {
        let name: String? = chance(20) ? nil : line(maxPieces: 12)
        return MailAddress(displayName: name, localPart: localPart(), domain: domain())
    }
}
