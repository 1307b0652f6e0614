import FollowUp
import Testing

/// When mail to the unsubscribe address is a removal request by its address alone.
@Suite("The unsubscribe mailbox: dedicated or shared with replies")
struct UnsubscribeMailboxTests {
    @Test("a mailbox of its own, or a plus-address beside the sender's, is dedicated", arguments: [
        ("unsubscribe@example.com", ["kira@example.com"]),
        ("kira+unsubscribe@example.com", ["kira@example.com"]),
        ("kira+unsubscribe@example.com", ["kira+sales@example.com", "kira@example.com"]),
        ("kira@example.org", ["kira@example.com"]),
    ])
    func dedicated(address: String, campaign: [String]) {
        let mailbox = UnsubscribeMailbox(address: address, campaignAddresses: campaign)
        #expect(mailbox.isDedicated)
        #expect(mailbox.removalAddress == address.lowercased())
    }

    @Test("the sender's own address, in any case, or the base of a tagged sender or mailbox, is shared", arguments: [
        ("kira@example.com", ["kira@example.com"]),
        ("Kira@Example.COM", ["kira@example.com"]),
        ("kira@example.com", ["KIRA@example.com"]),
        ("kira@example.com", ["kira+sales@example.com"]),
        ("inbox@example.com", ["kira@example.com", "inbox@example.com"]),
        ("inbox@example.com", ["kira@example.com", "not-an-address", "inbox+poll@example.com"]),
    ])
    func shared(address: String, campaign: [String]) {
        let mailbox = UnsubscribeMailbox(address: address, campaignAddresses: campaign)
        #expect(!mailbox.isDedicated)
        #expect(mailbox.removalAddress == nil)
        #expect(mailbox.address == address.lowercased())
    }

    @Test("a plus-tag is taken off the local part only")
    func plusTag() {
        #expect(UnsubscribeMailbox.withoutPlusTag("kira+sales@example.com") == "kira@example.com")
        #expect(UnsubscribeMailbox.withoutPlusTag("kira+a+b@example.com") == "kira@example.com")
        #expect(UnsubscribeMailbox.withoutPlusTag("kira@plus+domain.example") == "kira@plus+domain.example")
        #expect(UnsubscribeMailbox.withoutPlusTag("no-at-sign") == "no-at-sign")
    }
}
