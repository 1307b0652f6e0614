import MailCore
import Testing
@testable import FollowUp

@Suite("Email address check")
struct EmailAddressTests {
    @Test(arguments: [
        "ana@example.com", "Ana.Silva+sales@Example.COM", "o'brien@example.org", "\"john doe\"@example.net",
        "zoë@example.org", "jose@bücher.example", "x@a-b.example.co.uk", "user_1{x}@example.com",
    ])
    func validAddresses(address: String) {
        #expect(EmailAddress.problem(with: address) == nil)
    }

    @Test(arguments: [
        "", "plain", "ana@@example.com", "a@b@example.com", "@example.com", "ana@", "ana@localhost",
        "ana@example..com", "ana@.example.com", "ana@example.com.", "ana@-example.com", "ana@exa_mple.com",
        ".ana@example.com", "ana.@example.com", "an..a@example.com", "an a@example.com", "ana@exa mple.com",
        "a(b)@example.com", "ana@192.168.0.1", "\"open@example.com", "ana@example.com\r\nBcc: x@example.com",
    ])
    func invalidAddresses(address: String) {
        #expect(EmailAddress.problem(with: address) != nil)
    }

    @Test func lengthLimits() {
        let local64 = String(repeating: "a", count: 64)
        #expect(EmailAddress.isValid("\(local64)@example.com"))
        #expect(!EmailAddress.isValid("a\(local64)@example.com"))
        let longDomain = (0..<5).map { _ in String(repeating: "d", count: 50) }.joined(separator: ".") + ".com"
        #expect(!EmailAddress.isValid("ana@\(longDomain)"))
        #expect(!EmailAddress.isValid("ana@\(String(repeating: "l", count: 64)).com"))
    }

    @Test func identityIsTheLowercasedAddress() {
        #expect(EmailAddress.identity(of: "Zoë.Müller@Example.ORG") == "zoë.müller@example.org")
    }

    @Test("the byte-level fast path accepts only what the full check accepts, and most plain addresses")
    func fastPathAgreesWithFullCheck() {
        // Local part, "@", domain, from alphabets that include every character the fast path treats specially.
        let local = Array("ab.Z09-_+x.\"é @{".unicodeScalars), domain = Array("ab09-x..yé @_".unicodeScalars)
        var random = SplitMix64(seed: 2026)
        func part(_ alphabet: [Unicode.Scalar], _ length: Int) -> String {
            var text = ""
            for _ in 0..<length { text.unicodeScalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            return text
        }
        var accepted = 0
        for _ in 0..<40_000 {
            let text = part(local, 1 + Int(random.next() % 6)) + "@" + part(domain, 1 + Int(random.next() % 9))
            if EmailAddress.isPlainValidASCII(text) {
                accepted += 1
                #expect(EmailAddress.fullProblem(with: text) == nil, "the fast path accepted \(text)")
            }
        }
        for address in ["ana@example.com", "x@a-b.example.co.uk", "user_1{x}@example.com", "o'brien@example.org"] {
            #expect(EmailAddress.isPlainValidASCII(address), "\(address) takes the fast path")
        }
        for address in ["a@1.2", "a@b", "a..b@c.d", ".a@c.d", "a@-b.c", "a@b-.c", "a@b..c", "\"q\"@c.d", "a b@c.d"] {
            #expect(!EmailAddress.isPlainValidASCII(address), "\(address) takes the full check")
        }
        #expect(accepted > 100, "the random inputs reach the fast path (\(accepted))")
    }
}
