import Testing
@testable import MailCore

@Suite struct MailAddressTests {
    @Test func parsesBareAndAngle() throws {
        let bare = try MailAddress(parsing: "jane@example.com")
        #expect(bare.displayName == nil && bare.localPart == "jane" && bare.domain == "example.com")
        let angle = try MailAddress(parsing: "Jane Roe <Jane.Roe@Example.COM>")
        #expect(angle.displayName == "Jane Roe")
        #expect(angle.address == "Jane.Roe@Example.COM")
        #expect(angle.normalized == "jane.roe@example.com")
    }

    @Test func parsesQuotedNameWithComma() throws {
        let a = try MailAddress(parsing: "\"Roe, Jane \\\"JR\\\"\" <jane@example.com>")
        #expect(a.displayName == "Roe, Jane \"JR\"")
        #expect(a.formatted == "\"Roe, Jane \\\"JR\\\"\" <jane@example.com>")
        let list = MailAddress.list(parsing: "\"Roe, Jane\" <jane@example.com>, bob@example.org")
        #expect(list.map(\.address) == ["jane@example.com", "bob@example.org"])
        #expect(list.first?.displayName == "Roe, Jane")
    }

    @Test func parsesEncodedAndNonASCIINames() throws {
        let encoded = try MailAddress(parsing: "=?utf-8?Q?Jos=C3=A9_Garc=C3=ADa?= <jose@example.es>")
        #expect(encoded.displayName == "José García")
        let raw = try MailAddress(parsing: "Zoë Ångström <zoe@example.se>")
        #expect(raw.displayName == "Zoë Ångström")
        #expect(raw.formatted == "Zoë Ångström <zoe@example.se>")
    }

    @Test func parsesCommentsGroupsAndRoutes() throws {
        let old = try MailAddress(parsing: "jane@example.com (Jane Roe)")
        #expect(old.displayName == "Jane Roe" && old.address == "jane@example.com")
        let list = MailAddress.list(parsing: "Team: a@x.org, \"B\" <b@x.org>; c@y.org")
        #expect(list.map(\.address) == ["a@x.org", "b@x.org", "c@y.org"])
        #expect(try MailAddress(parsing: "<@relay.example:jane@example.com>").address == "jane@example.com")
        #expect(MailAddress.list(parsing: "undisclosed-recipients:;").isEmpty)
    }

    @Test func rejectsBadInput() {
        #expect(throws: MailAddressError.empty) { try MailAddress(parsing: "  ") }
        #expect(throws: MailAddressError.missingAt(input: "jane")) { try MailAddress(parsing: "jane") }
        #expect(throws: MailAddressError.emptyDomain(input: "jane@")) { try MailAddress(parsing: "jane@") }
        #expect(throws: MailAddressError.unbalanced(input: "Jane <jane@x.org")) { try MailAddress(parsing: "Jane <jane@x.org") }
        #expect(throws: MailAddressError.self) { try MailAddress(parsing: "jane@x.org\r\nBcc: evil@x.org") }
        #expect(throws: MailAddressError.self) { try MailAddress(parsing: "a@b.org, c@d.org") }
        #expect(throws: MailAddressError.self) { try MailAddress(parsing: "a b@d.org") }
        let error = MailAddressError.missingAt(input: "jane")
        #expect(error.description.contains("jane") && error.description.hasSuffix("."))
    }

    @Test func quotesLocalPartWhenNeeded() {
        let a = MailAddress(localPart: "john doe", domain: "example.com")
        #expect(a.address == "\"john doe\"@example.com")
    }

    @Test("The fast reading of simple addresses gives what the full grammar gives, on 20,000 seeded texts")
    func simpleFormAgreesWithTheGrammar() {
        var random = SplitMix64(seed: 2026_12_08)
        let pieces = ["jane", "Roe", "x", "@", "@", ".", ".", " ", "  ", "\t", "<", ">", "example.com", "=?utf-8?Q?Jos=C3=A9?=", "=?", "?=",
                      "+tag", "-", "_", "é", "\"", "(", ")", ",", ";", ":", "\\", "\r\n"]
        var simple = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(random.next() % 9) {
                // The special characters come one time in eight, so most texts stay in the simple form.
                let index = Int(random.next() % UInt64(random.next() % 8 == 0 ? pieces.count : 19))
                text += pieces[index]
            }
            if AddressParser.simpleAddress(text) != nil { simple += 1 }
            #expect(AddressParser.parseList(text) == AddressParser.parseListInGeneral(text), "\(text.debugDescription)")
        }
        #expect(simple > 5_000, "most texts must take the fast reading for the comparison to mean anything (\(simple))")
    }
}
