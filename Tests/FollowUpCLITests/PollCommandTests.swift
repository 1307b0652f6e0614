import Foundation
import MailTransport
import TestSupport
import Testing

/// `followup poll` against the real Dovecot: replies, a bounce and an auto-reply delivered into
/// the sender's mailbox are matched and applied; a second poll processes nothing; nothing is read.
@Suite("followup poll", .enabled(if: MailRig.isUsable), .serialized)
struct PollCommandTests {
    @Test("replies, a bounce and an auto-reply are matched and applied, once, and stay unread")
    func pollAppliesOutcomes() throws {
        let campaign = try Campaign(prospects: ["yes", "no", "gone", "away", "quiet"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).stdout.hasPrefix("5 sent"))
        // A first poll (the witness copies are ours, not replies).
        let first = try campaign.run(["poll", "--now", "2026-12-02T09:00:00Z"])
        #expect(first.status == 0, "\(first.stderr)")

        let sales = MailRig.sales
        func reply(_ name: String, _ body: String, subject: String = "Re: your note", extra: String = "") throws {
            try MailRig.deliver("From: \(name.capitalized) <\(campaign.address(name))>\r\nTo: <\(sales)>\r\nSubject: \(subject)\r\n\(extra)Date: Wed, 02 Dec 2026 10:00:00 +0000\r\nMessage-ID: <\(name)-\(campaign.tag)@example.test>\r\n\r\n\(body)",
                                from: campaign.address(name), to: sales)
        }
        try reply("yes", "Yes, this sounds interesting. Let's talk on Thursday.\r\n\r\nOn Tue, 1 Dec 2026, Sam Sales wrote:\r\n> If you're not interested, just tell me and I'll take you off my list.\r\n")
        try reply("no", "No thanks, we're not interested.\r\n")
        try reply("away", "I am out of the office until 14 December 2026 with limited access to email.\r\n",
                  subject: "Automatic reply: your note", extra: "Auto-Submitted: auto-replied\r\n")
        let bounce = """
            From: Mail Delivery System <MAILER-DAEMON@example.test>\r
            To: <\(sales)>\r
            Subject: Undelivered Mail Returned to Sender\r
            Date: Wed, 02 Dec 2026 10:00:00 +0000\r
            Message-ID: <bounce-\(campaign.tag)@example.test>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain\r
            \r
            The mail system could not deliver your message.\r
            --b1\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.example.test\r
            \r
            Final-Recipient: rfc822; \(campaign.address("gone"))\r
            Action: failed\r
            Status: 5.1.1\r
            Diagnostic-Code: smtp; 550 5.1.1 user unknown\r
            --b1--\r

            """
        try MailRig.deliver(bounce, from: "", to: sales)
        // Poll only once all four are in the mailbox (delivery is asynchronous).
        let inbox = try IMAPMailbox(server: MailRig.imap(user: sales), mailbox: "INBOX")
        for name in ["yes", "no", "away", "bounce"] {
            #expect(try inbox.awaitMessage(messageID: "<\(name)-\(campaign.tag)@example.test>") != nil, "\(name) was not delivered")
        }

        let second = try campaign.run(["poll", "--now", "2026-12-02T11:00:00Z"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("\(campaign.address("yes")): replied"))
        #expect(second.stdout.contains("\(campaign.address("no")): closed"))
        #expect(second.stdout.contains("\(campaign.address("gone")): bounced"))
        #expect(second.stdout.contains("\(campaign.address("away")): snoozed until 2026-12-14"))

        // Nothing is processed twice. (Other suites share this mailbox, so mail may still arrive;
        // it is not ours and changes nothing. The cost of an idle poll is unit-tested.)
        let third = try campaign.run(["poll", "--now", "2026-12-02T12:00:00Z"])
        #expect(third.stdout.contains("nothing new") || third.stdout.contains(", 0 change(s)"), "\(third.stdout)")

        let status = try campaign.run(["status", "--json", "--now", "2026-12-02T12:00:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let states = try #require(object["prospects"] as? [String: Int])
        #expect(states["replied"] == 1 && states["closed_no"] == 1 && states["bounced"] == 1 && states["snoozed"] == 1 && states["active"] == 1)

        // Nothing was marked as read.
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: sales), mailbox: "INBOX")
        for name in ["yes", "no", "away"] {
            let uids = try mailbox.uids(header: "Message-ID", contains: "<\(name)-\(campaign.tag)@example.test>")
            #expect(uids.count == 1)
            #expect(try mailbox.flags(uids: uids).values.allSatisfy { !$0.contains("\\Seen") })
        }

        // Only the quiet prospect gets step 2.
        let later = try campaign.run(["send", "--now", "2026-12-04T09:00:00Z"])
        #expect(later.stdout.hasPrefix("1 sent"), "\(later.stdout) \(later.stderr)")
    }
}

@Suite("followup run", .enabled(if: MailRig.isUsable))
struct RunCommandTests {
    @Test("run --once polls, then sends what is due, and a bad interval is a usage error")
    func runOnce() throws {
        let campaign = try Campaign(prospects: ["r1", "r2"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let result = try campaign.run(["run", "--once", "--now", "2026-12-01T09:00:00Z"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("2 sent"))
        #expect(result.stdout.contains("nothing new") || result.stdout.contains("new message(s)"))
        let bad = try campaign.run(["run", "--interval", "soon"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--interval"))
    }

    @Test("between rounds, run hears a reply as it arrives (IDLE) and closes the no long before the next round; SIGTERM ends it cleanly")
    func runHearsRepliesBetweenRounds() throws {
        let campaign = try Campaign(prospects: ["h1"])
        #expect(try campaign.run(["import", "prospects.csv"]).status == 0)
        let process = try campaign.start(["run", "--interval", "1h"])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // The first round polled, then sent step 1; from then on the next round is an hour away.
        #expect(Eventually.wait { !campaign.delivered(to: "h1").isEmpty }, "step 1 was sent")
        let reply = "From: <\(campaign.address("h1"))>\r\nTo: <\(MailRig.sales)>\r\nSubject: Re: hello\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
            + "Message-ID: <idle-h1-\(campaign.tag)@example.test>\r\n\r\nNot interested, please stop.\r\n"
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        try inbox.append(Array(reply.utf8), to: "INBOX", seen: false)
        let closed = Eventually.wait(upTo: 60) {
            guard let status = try? campaign.run(["status", "--json"]),
                  let object = try? JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any] else { return false }
            return (object["prospects"] as? [String: Int])?["closed_no"] == 1
        }
        #expect(closed, "the no was applied while run waited for its next round")
        kill(process.processIdentifier, SIGTERM)
        let stopped = Eventually.wait(upTo: 10) { !process.isRunning }
        #expect(stopped, "SIGTERM ends the wait within seconds")
        if stopped { #expect(process.terminationStatus == 0) }
    }
}
