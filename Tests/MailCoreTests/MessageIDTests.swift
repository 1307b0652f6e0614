import Testing
@testable import MailCore

@Suite struct MessageIDTests {
    @Test func deterministicPerProspectAndStep() {
        let a = MessageID.deterministic(secret: "s3cret", prospect: "Jane@Example.com", sequence: "intro", step: 1, domain: "Sender.example")
        let b = MessageID.deterministic(secret: "s3cret", prospect: "jane@example.com", sequence: "intro", step: 1, domain: "sender.example")
        #expect(a == b)
        #expect(a.value.hasPrefix("fu.") && a.value.hasSuffix("@sender.example"))
        #expect(a.bracketed == "<" + a.value + ">")
        #expect(a.value.count == 3 + 32 + 1 + "sender.example".count)
        var seen: Set<MessageID> = []
        for step in 0..<50 {
            for prospect in ["a@x.org", "b@x.org"] {
                seen.insert(MessageID.deterministic(secret: "s", prospect: prospect, sequence: "q", step: step, domain: "d.org"))
            }
        }
        #expect(seen.count == 100)
        #expect(MessageID.deterministic(secret: "other", prospect: "a@x.org", sequence: "q", step: 0, domain: "d.org")
            != MessageID.deterministic(secret: "s", prospect: "a@x.org", sequence: "q", step: 0, domain: "d.org"))
    }

    @Test func parsesIDLists() {
        #expect(MessageID.list(parsing: "<a@x> <b@y>\r\n <c@z>") == ["a@x", "b@y", "c@z"])
        #expect(MessageID.list(parsing: "a@x b@y") == ["a@x", "b@y"])
        #expect(MessageID("<a@b>").value == "a@b")
    }

    @Test("ids read on the bytes are the ids read scalar by scalar, on 20,000 seeded texts")
    func byteReadingAgrees() {
        var random = SplitMix64(seed: 2026_12_08)
        let pieces = ["<", ">", "a", "@", "example.com", " ", "\t", "\r\n", "é", "fu.1b2c", "<<", ">>", ",", "\u{1F600}"]
        var found = 0
        for _ in 0..<20_000 {
            let text = (0..<(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let ids = MessageID.bracketedIDs(text)
            found += ids.count
            #expect(ids == MessageID.bracketedIDsInGeneral(text), "\(text.debugDescription)")
        }
        #expect(found > 1_000, "the texts must hold ids for the comparison to mean anything (\(found))")
    }
}
