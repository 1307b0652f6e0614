import Foundation
import MailTransport
import TestSupport
import Testing

/// `followup triage` against the real servers: what the person wrote is readable, a decision says
/// what happens next with real dates, and the suppression list stays the one word on who may be emailed.
@Suite("followup triage", .enabled(if: MailRig.isUsable), .serialized)
struct TriageCommandTests {
    @Test("show prints their own words with the quote folded; resolve names the next message's date and never overrides the suppression list")
    func showAndResolve() throws {
        let campaign = try Campaign(prospects: ["who"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).stdout.hasPrefix("1 sent"))
        let address = campaign.address("who")
        let body = "Who are you and how did you get my address?\r\n\r\nOn Tue, 1 Dec 2026, Sam Sales wrote:\r\n"
            + "> Hi Who,\r\n> a quick question about Who Ltd.\r\n> To stop these emails, reply \"unsubscribe\".\r\n"
        try MailRig.deliver("From: Who <\(address)>\r\nTo: <\(MailRig.sales)>\r\nSubject: Re: a quick question\r\nDate: Tue, 01 Dec 2026 11:00:00 +0000\r\n"
                            + "Message-ID: <who-\(campaign.tag)@example.test>\r\n\r\n\(body)", from: address, to: MailRig.sales)
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        _ = try inbox.awaitMessage(messageID: "<who-\(campaign.tag)@example.test>")
        #expect(try campaign.run(["poll", "--now", "2026-12-01T12:00:00Z"]).status == 0)

        let list = try campaign.run(["triage", "list", "--json"])
        let replies = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let id = try #require(replies.first { ($0["prospect"] as? String) == address }?["id"] as? Int, "\(list.stdout)")

        let show = try campaign.run(["triage", "show", "\(id)", "--now", "2026-12-01T12:00:00Z"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("subject   Re: a quick question"))
        #expect(show.stdout.contains("│ Who are you and how did you get my address?"), "\(show.stdout)")
        #expect(show.stdout.contains("line(s) of quoted text and signature folded"))
        #expect(!show.stdout.contains("> Hi Who"), "the quote is folded")
        #expect(show.stdout.contains("next      nothing more will be sent to \(address) (needs_review)"), "\(show.stdout)")

        // A suppressed prospect is not put back into the sequence behind the list's back.
        #expect(try campaign.run(["suppress", "add", address]).status == 0)
        let refused = try campaign.run(["triage", "resolve", "\(id)", "--as", "continue", "--now", "2026-12-01T12:00:00Z"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(address) is on the suppression list (\(address))"), "\(refused.stderr)")
        #expect(refused.stderr.contains("followup suppress remove \(address)"))

        let unknown = try campaign.run(["triage", "resolve", "\(id)", "--as", "maybe", "--now", "2026-12-01T12:00:00Z"])
        #expect(unknown.status == 2, "an intent the command does not know is a usage error: \(unknown.stderr)")
        #expect(unknown.stderr.contains("maybe") && unknown.stderr.contains("referral") && unknown.stderr.contains("continue"),
                "the error names the value and the ones that work: \(unknown.stderr)")

        let removed = try campaign.run(["suppress", "remove", address])
        #expect(removed.stdout.contains("\(address) needs_review"), "back where the suppression found it: \(removed.stdout)")
        let later = try campaign.run(["triage", "resolve", "\(id)", "--as", "later", "--now", "2026-12-01T12:00:00Z"])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.contains("snoozed until 2026-12-31 (30 days, no date given)"), "\(later.stdout)")
        #expect(later.stdout.contains("next: step 2 (message 2) on 2026-12-31"), "\(later.stdout)")
    }
}
