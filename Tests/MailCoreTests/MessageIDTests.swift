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
}
