import Testing
import FollowUp

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
}
