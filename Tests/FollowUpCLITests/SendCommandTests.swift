import Foundation
import MailCore
import MailTransport
import TestSupport
import Testing

/// `followup send` end to end against the loopback Postfix and Dovecot, driven by --now.
@Suite("followup send", .enabled(if: MailRig.isUsable), .serialized)
struct SendCommandTests {
    /// Waits until `count` messages were delivered to `name` (delivery over LMTP takes a moment).
    func waitForDeliveries(_ campaign: Campaign, _ name: String, count: Int) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        Eventually.wait {
            messages = campaign.delivered(to: name)
            return messages.count >= count
        }
        return messages
    }

    @Test("step 1 goes out once, step 2 arrives threaded, a reply stops one prospect, a suppressed domain gets nothing")
    func sequenceEndToEnd() throws {
        let campaign = try Campaign(prospects: ["a", "b", "c"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let first = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("3 sent"))
        for name in ["a", "b", "c"] { #expect(waitForDeliveries(campaign, name, count: 1).count == 1) }

        let again = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(again.stdout.hasPrefix("0 sent"))

        let second = try campaign.run(["send", "--now", "2026-12-04T09:00:00Z"])
        #expect(second.stdout.hasPrefix("3 sent"), "\(second.stderr)")
        let aMessages = waitForDeliveries(campaign, "a", count: 2).map { MessageReader.parse($0) }.sorted { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) }
        try #require(aMessages.count == 2)
        let firstID = try #require(aMessages[0].messageID)
        #expect(aMessages[1].inReplyTo == [firstID])
        #expect(aMessages[1].references == [firstID])
        #expect(aMessages[1].subject == "Re: " + (aMessages[0].subject ?? ""))
        #expect(aMessages.allSatisfy { $0.header("Bcc") == nil })

        // Prospect b answers; c's domain is suppressed by hand.
        try MailRig.deliver("From: B <\(campaign.address("b"))>\r\nTo: <\(MailRig.sales)>\r\nSubject: Re: hello\r\nIn-Reply-To: <\(firstID)>\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000\r\nMessage-ID: <reply-\(campaign.tag)@example.test>\r\n\r\nSounds good, call me.\r\n",
                            from: campaign.address("b"), to: MailRig.sales)
        #expect(try campaign.run(["suppress", "add", campaign.address("c")]).status == 0)
        // The reply must be in the mailbox before the next send (delivery is asynchronous).
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        _ = try inbox.awaitMessage(messageID: "<reply-\(campaign.tag)@example.test>")
        let third = try campaign.run(["send", "--now", "2026-12-08T09:00:00Z"])
        #expect(third.stdout.hasPrefix("1 sent"), "\(third.stdout) \(third.stderr)")
        #expect(third.stderr.contains("a reply from them is waiting"))
        #expect(waitForDeliveries(campaign, "a", count: 3).count == 3)
        #expect(waitForDeliveries(campaign, "b", count: 2).count == 2)
        #expect(waitForDeliveries(campaign, "c", count: 2).count == 2)
    }

    @Test("what send delivers is, after the server's trace headers, exactly what preview --format eml showed")
    func previewEqualsDelivery() throws {
        let campaign = try Campaign(prospects: ["zoe"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let out = campaign.directory + "/eml"
        let preview = try campaign.run(["preview", "--now", "2026-12-01T09:00:00Z", "--format", "eml", "--out", out])
        #expect(preview.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        try #require(files.count == 1)
        let previewed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/" + files[0])))
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        // Over IMAP, as transmitted (Dovecot keeps Maildir files with LF line ends).
        let messageID = try #require(MessageReader.parse(previewed).messageID)
        let mailbox = try IMAPMailbox(server: MailRig.imap(), mailbox: "INBOX")
        let uid = try #require(try mailbox.awaitMessage(messageID: "<\(messageID)>"))
        let delivered = try mailbox.fetch(uids: [uid]).first?.bytes ?? []
        #expect(delivered.count > previewed.count)
        #expect(Array(delivered.suffix(previewed.count)) == previewed)
    }

    @Test("a refused recipient is marked bounced and never retried; a second process cannot send at the same time")
    func bouncedAndLocked() throws {
        let campaign = try Campaign(prospects: ["a"])
        var csv = try String(contentsOfFile: campaign.directory + "/prospects.csv", encoding: .utf8)
        csv += "nobody-\(campaign.tag)@example.test,Nobody,Void\n"
        try csv.write(toFile: campaign.directory + "/prospects.csv", atomically: true, encoding: .utf8)
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let result = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("1 sent, 1 bounced"), "\(result.stdout)")
        let later = try campaign.run(["send", "--now", "2026-12-10T09:00:00Z"])
        #expect(later.stdout.hasPrefix("1 sent"))
        #expect(!later.stdout.contains("bounced"))

        // Another holder of the store's lock (this test process, standing in for a second followup):
        // flock belongs to the open file, so the child sees the lock taken for as long as we hold it.
        let lockPath = campaign.directory + "/followup.sqlite.lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let blocked = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("another followup is already running on this store"))
        flock(descriptor, LOCK_UN)
        let free = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(free.status == 0, "\(free.stderr)")
    }
}

@Suite("followup status", .enabled(if: MailRig.isUsable))
struct StatusCommandTests {
    @Test("--json has the documented shape and counts what was sent per step")
    func statusJSON() throws {
        let campaign = try Campaign(prospects: ["a", "b"])
        let empty = try campaign.run(["status", "--json"])
        let emptyObject = try #require(try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [String: Any])
        #expect((emptyObject["sent"] as? [String: Any])?["total"] as? Int == 0)
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["suppress", "add", campaign.address("b")]).status == 0)
        let result = try campaign.run(["status", "--json", "--now", "2026-12-01T10:00:00Z"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let prospects = try #require(object["prospects"] as? [String: Int])
        #expect(Set(prospects.keys) == ["active", "snoozed", "replied", "closed_no", "unsubscribed", "bounced", "needs_review"])
        #expect(prospects["active"] == 1 && prospects["unsubscribed"] == 1)
        let sent = try #require(object["sent"] as? [String: Any])
        #expect(sent["total"] as? Int == 2)
        #expect((sent["by_step"] as? [String: Int])?["1"] == 2)
        #expect(object["next_due"] as? String == "2026-12-04T09:00:00Z")
        let text = try campaign.run(["status", "--now", "2026-12-01T10:00:00Z"])
        #expect(text.stdout.contains("prospects  2 in all: 1 active, 1 unsubscribed"))
    }
}

@Suite("secrets and file modes", .enabled(if: MailRig.isUsable))
struct SecretsTests {
    @Test("a verbose send and poll never print the password in any form; the store and its lock are private")
    func verboseRunsKeepSecrets() throws {
        let campaign = try Campaign(prospects: ["s1"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let send = try campaign.run(["send", "--verbose", "--now", "2026-12-01T09:00:00Z"])
        let poll = try campaign.run(["poll", "--verbose", "--now", "2026-12-01T10:00:00Z"])
        let everything = send.stdout + send.stderr + poll.stdout + poll.stderr
        #expect(everything.contains("AUTH PLAIN") || everything.contains("AUTHENTICATE PLAIN"), "the transcript is shown")
        let password = MailRig.password
        let forms = [password, Data(password.utf8).base64EncodedString(),
                     Data("\0\(MailRig.sales)\0\(password)".utf8).base64EncodedString()]
        for form in forms { #expect(!everything.contains(form), "found a form of the password") }
        for file in ["followup.sqlite", "followup.sqlite.lock"] {
            let mode = try FileManager.default.attributesOfItem(atPath: campaign.directory + "/" + file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
        }
    }
}
