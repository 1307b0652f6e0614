import Foundation
import MailTransport
import TestSupport
import Testing

/// The witness copy of every sent message lands in the sender's INBOX; once its message is
/// settled as sent, `poll` moves it out of the way: into the sent mailbox when one is configured
/// (which then needs no copy of its own), else into `witness_mailbox`. Never deleted.
@Suite("Witness copies leave the INBOX once they have served", .enabled(if: MailRig.isUsable), .serialized)
struct WitnessMailboxTests {
    func messageIDs(_ campaign: Campaign, _ names: [String]) throws -> [String] {
        // The Message-IDs as delivered to the prospects.
        var ids: [String] = []
        for name in names {
            var delivered: [[UInt8]] = []
            Eventually.wait {
                delivered = campaign.delivered(to: name)
                return !delivered.isEmpty
            }
            let header = Campaign.headerBlock(try #require(delivered.first))
            let line = try #require(header.split(separator: "\n").first { $0.lowercased().hasPrefix("message-id:") })
            ids.append(line.dropFirst("Message-ID:".count).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return ids
    }

    @Test("settled witness copies go into the sent mailbox (once: no second copy is appended), else into followup-witness", arguments: [false, true])
    func movedOut(withSentMailbox: Bool) throws {
        let campaign = try Campaign(prospects: ["w1", "w2"], extraIMAP: withSentMailbox ? "sent_mailbox = \"Sent\"" : "")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).stdout.hasPrefix("2 sent"))
        let ids = try messageIDs(campaign, ["w1", "w2"])
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        for id in ids { #expect(try inbox.awaitMessage(messageID: id) != nil, "the witness copy arrived") }

        let poll = try campaign.run(["poll", "--now", "2026-12-01T10:00:00Z"])
        #expect(poll.status == 0, "\(poll.stderr)")
        let target = withSentMailbox ? "Sent" : "followup-witness"
        let filed = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: target)
        for id in ids {
            #expect(try inbox.uids(header: "Message-ID", contains: id).isEmpty, "\(id) left the INBOX: \(poll.stdout)\(poll.stderr)")
            #expect(try filed.uids(header: "Message-ID", contains: id).count == 1, "\(id) is in \(target), once")
        }
    }

    @Test("witness_mailbox = \"\" keeps witness copies where they arrive")
    func keptWhenAsked() throws {
        let campaign = try Campaign(prospects: ["k1"], extraIMAP: "witness_mailbox = \"\"")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).stdout.hasPrefix("1 sent"))
        let id = try #require(try messageIDs(campaign, ["k1"]).first)
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        #expect(try inbox.awaitMessage(messageID: id) != nil)
        #expect(try campaign.run(["poll", "--now", "2026-12-01T10:00:00Z"]).status == 0)
        #expect(try inbox.uids(header: "Message-ID", contains: id).count == 1)
    }
}
