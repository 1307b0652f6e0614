import Foundation
@testable import MailCore

/// Seeded random messages, about half of them hostile (injection, bad ids and addresses, overlong words, bad boundaries).
struct HostileMessages {
    var gen: RandomText

    init(seed: UInt64) { gen = RandomText(seed: seed) }

    static let forbidden = ["\r", "\n", "\0", "\u{85}", "\u{2028}", "\u{2029}", "\r\n"]

    /// Usually `text`; sometimes with a forbidden character, a very long word, edge whitespace or empty.
    mutating func spice(_ text: String) -> String {
        switch gen.int(100) {
        case 0, 1:
            var chars = Array(text)
            chars.insert(contentsOf: Self.forbidden[gen.int(Self.forbidden.count)], at: gen.int(chars.count + 1))
            return String(chars)
        case 2: return text + " " + String(repeating: "w", count: 880 + gen.int(240))
        case 3: return ""
        case 4: return "  " + text + "\t"
        case 5: return text + " =?utf-8?Q?a?= "
        case 6: return String(repeating: "Zürich García ", count: 1 + gen.int(30))
        case 7: return String(repeating: "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", count: 1 + gen.int(5))
        case 8: return String(repeating: "a.b\"c\\d ", count: 1 + gen.int(40))
        case 9: return "Jo " + String(repeating: "w", count: 985 + gen.int(20))
        default: return text
        }
    }

    mutating func address() -> MailAddress {
        var a = gen.address()
        if gen.chance(30) { a.displayName = ["Дмитрий Petrov", "Café Zürich García, S.L.", "Zoë O'Brien", "Anna", "\"Quoted\" Name"][gen.int(5)] }
        a.displayName = a.displayName.map { spice($0) }
        switch gen.int(240) {
        case 0: a.localPart = ""
        case 1: a.domain = ""
        case 2: a.localPart = "jö"
        case 3: a.domain = ["a..b", ".a", "a.", "exa mple", "bücher.de", "[1.2.3.4]"][gen.int(6)]
        case 4: a.localPart = String(repeating: "x", count: 890 + gen.int(30))
        case 5: a.localPart = spice(a.localPart)
        case 6: a.domain = spice(a.domain)
        case 7: a.localPart = "a..b"
        default: break
        }
        return a
    }

    mutating func id(_ n: Int) -> MessageID {
        switch gen.int(160) {
        case 0: return MessageID("")
        case 1: return MessageID("no-at-sign")
        case 2: return MessageID("@front")
        case 3: return MessageID("back@")
        case 4: return MessageID("sp ace@x")
        case 5: return MessageID("a\"b@x")
        case 6: return MessageID("ü@x")
        case 7: return MessageID(String(repeating: "i", count: 895 + gen.int(10)) + "@x")
        case 8: return MessageID(spice("a@b"))
        default:
            return MessageID.deterministic(secret: "k", prospect: "p\(n)@x.example", sequence: "s", step: n, domain: "x.example")
        }
    }

    mutating func unsubscribe(_ scheme: String) -> String? {
        switch gen.int(60) {
        case 0, 9...29: return nil
        case 1: return scheme
        case 2: return scheme.uppercased() + "u@x.example"
        case 3: return scheme + "a b"
        case 4: return scheme + "a,b"
        case 5: return "ftp://x"
        case 6: return scheme + "ü"
        case 7: return spice(scheme + "u@x")
        case 8: return scheme + String(repeating: "p", count: 880 + gen.int(40))
        default: return scheme + "x.example/u/" + String(gen.int(100_000))
        }
    }

    mutating func extraName() -> String {
        switch gen.int(30) {
        case 0: return ""
        case 1: return "Bcc"
        case 2: return "subject"
        case 3: return "X Bad"
        case 4: return "X:Bad"
        case 5: return "X-Ünï"
        case 6: return "X-" + String(repeating: "L", count: 70 + gen.int(10))
        case 7: return spice("X-Note")
        default: return ["X-Note", "X-Campaign", "Organization", "X-A"][gen.int(4)]
        }
    }

    mutating func body() -> String {
        switch gen.int(12) {
        case 0: return ""
        case 1: return ["\n", "\r", "\r\n", "\r\r\n\n", "a\r", ".", ".\n", "From me\n", "tab\t\n", "sp \r\n", "=\n"][gen.int(11)]
        case 2: return String(repeating: "y", count: 70 + gen.int(12)) + ["", " ", "\t", "\n", " \n"][gen.int(5)]
        case 3: return "Hi Дмитрий,\n\nCafé Zürich García, S.L. 👨‍👩‍👧‍👦\r\n" + gen.body()
        default: return gen.body()
        }
    }

    mutating func message(_ iteration: Int) -> OutgoingMessage {
        let to = (0..<gen.int(4)).map { _ in address() }
        let ids = (0..<gen.int(4)).map { id($0) }
        var extras: [HeaderField] = []
        for _ in 0..<gen.int(3) { extras.append(HeaderField(name: extraName(), value: spice(gen.line(maxPieces: 20)))) }
        return OutgoingMessage(
            from: address(), to: gen.chance(97) && to.isEmpty ? [address()] : to, replyTo: gen.chance(30) ? address() : nil,
            subject: spice(gen.line(maxPieces: 60)),
            date: Date(timeIntervalSince1970: TimeInterval(gen.int(4_000_000_000)) - 1_000_000_000 + (gen.chance(10) ? 0.75 : 0)),
            utcOffsetSeconds: (gen.int(57) - 28) * 1800 + (gen.chance(5) ? 200_000 : 0),
            messageID: id(iteration), inReplyTo: gen.chance(50) ? ids.last : nil, references: ids,
            listUnsubscribeMailto: unsubscribe("mailto:"), listUnsubscribeURL: unsubscribe("https://"),
            textBody: body(), htmlBody: gen.chance(30) ? "<p>" + body() + "</p>" : nil, extraHeaders: extras)
    }

    mutating func boundaries(_ seed: UInt64) -> any BoundaryGenerator {
        switch gen.int(30) {
        case 0: return FixedBoundaryGenerator(value: "")
        case 1: return FixedBoundaryGenerator(value: "bad boundary ")
        case 2: return FixedBoundaryGenerator(value: String(repeating: "b", count: 70 + gen.int(2)))
        case 3: return FixedBoundaryGenerator(value: "ü")
        case 4: return FixedBoundaryGenerator(value: "=_fu_")
        case 5: return FixedBoundaryGenerator(value: "y")
        case 6: return FixedBoundaryGenerator(value: "'()+_,-./:=? x")
        default: return SeededBoundaryGenerator(seed: seed)
        }
    }
}
