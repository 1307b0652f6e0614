import FaultProxy
import MailTransport
import Foundation
import MailCore
import TestSupport
import Testing

/// The SMTP server refuses some recipients (4xx and 5xx) and the connection drops after the data
/// of one message; the store must end consistent with what the server actually delivered.
@Suite("send through server faults", .enabled(if: MailRig.isUsable), .serialized)
struct ServerFaultTests {
    @Test("4xx and 5xx at RCPT and a drop after DATA: nothing lost, nothing doubled")
    func refusalsAndDrop() throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.smtpPlainPort)
        defer { proxy.stop() }
        let names = (1...8).map { "f\($0)" }
        let campaign = try Campaign(prospects: names, steps: [("01-opening.txt", 0)],
                                    smtpURL: "smtp://127.0.0.1:\(proxy.port)", smtpStartTLS: "never")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        // Each message has two RCPT TO lines: the prospect, then the witness. Message k's
        // prospect is RCPT number 2k-1; message k's end of data is number k.
        proxy.setRules([
            FaultRule(name: "f2 later", connection: nil, trigger: .clientLine(prefix: "RCPT TO", occurrence: 3),
                      action: .reply("450 4.2.0 mailbox busy, try later\r\n"), countsAcrossConnections: true),
            FaultRule(name: "f4 unknown", connection: nil, trigger: .clientLine(prefix: "RCPT TO", occurrence: 6),
                      action: .reply("550 5.1.1 no such user here\r\n"), countsAcrossConnections: true),
            FaultRule(name: "f6 drop", connection: nil, trigger: .endOfData(occurrence: 4),
                      action: .cutBeforeReply, countsAcrossConnections: true),
        ])
        let first = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(first.status == 3, "partly done: \(first.stdout) \(first.stderr)")
        #expect(first.stdout.contains("3 sent"), "\(first.stdout)")
        #expect(first.stdout.contains("1 bounced") && first.stdout.contains("1 deferred"))
        #expect(proxy.firedRules.count == 3, "\(proxy.firedRules)")

        proxy.setRules([])
        let second = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(second.status == 0, "\(second.stdout) \(second.stderr)")
        #expect(second.stdout.contains("1 from an earlier run settled"), "the dropped message was found by its witness copy")
        #expect(second.stdout.hasPrefix("2 sent"))
        // Two hours later the deferred prospect's retry is due.
        let third = try campaign.run(["send", "--now", "2026-12-01T11:00:00Z"])
        #expect(third.stdout.hasPrefix("1 sent"), "\(third.stdout) \(third.stderr)")

        var counts: [String: Int] = [:]
        Eventually.wait {
            counts = Dictionary(uniqueKeysWithValues: names.map { ($0, campaign.delivered(to: $0).count) })
            return counts.values.reduce(0, +) >= 7
        }
        #expect(counts == ["f1": 1, "f2": 1, "f3": 1, "f4": 0, "f5": 1, "f6": 1, "f7": 1, "f8": 1])
        let status = try campaign.run(["status", "--json", "--now", "2026-12-01T11:00:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((object["sent"] as? [String: Any])?["total"] as? Int == 7)
        #expect((object["prospects"] as? [String: Int])?["bounced"] == 1)
    }

    @Test("a server that drops the connection before the data: nothing is recorded as sent, the next run sends")
    func dropBeforeData() throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.smtpPlainPort)
        defer { proxy.stop() }
        let campaign = try Campaign(prospects: ["g1", "g2"], steps: [("01-opening.txt", 0)],
                                    smtpURL: "smtp://127.0.0.1:\(proxy.port)", smtpStartTLS: "never")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        proxy.setRules([FaultRule(name: "cut at MAIL", connection: nil, trigger: .clientLine(prefix: "MAIL FROM", occurrence: 1),
                                  action: .cutBeforeForwarding, countsAcrossConnections: true)])
        let first = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(first.status == 1, "\(first.stdout) \(first.stderr)")
        #expect(first.stderr.contains("followup: stopped:"))
        proxy.setRules([])
        let second = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(second.stdout.hasPrefix("2 sent"), "\(second.stdout) \(second.stderr)")
        Eventually.wait { campaign.delivered(to: "g1").count + campaign.delivered(to: "g2").count >= 2 }
        #expect(campaign.delivered(to: "g1").count == 1 && campaign.delivered(to: "g2").count == 1)
    }
}

/// One refusal the server may give while a message is submitted, and what it must lead to.
struct SMTPRefusal: Sendable, CustomTestStringConvertible {
    let name: String
    let trigger: FaultRule.Trigger
    let reply: String
    /// Whether the refused prospect must end up with the message (a temporary refusal, retried) or without it.
    let deliveredInTheEnd: Bool
    /// For a permanent refusal, the prospect's state: `bounced` (the address was refused) or
    /// `needs_review` (the message was refused: a person decides).
    var permanentState: String? = nil
    var testDescription: String { name }
}

extension ServerFaultTests {
    static let refusals: [SMTPRefusal] = [
        SMTPRefusal(name: "421 at MAIL", trigger: .clientLine(prefix: "MAIL FROM", occurrence: 2),
                    reply: "421 4.3.2 service shutting down, closing channel", deliveredInTheEnd: true),
        SMTPRefusal(name: "451 at MAIL", trigger: .clientLine(prefix: "MAIL FROM", occurrence: 2),
                    reply: "451 4.3.0 local error in processing", deliveredInTheEnd: true),
        SMTPRefusal(name: "452 at RCPT", trigger: .clientLine(prefix: "RCPT TO", occurrence: 3),
                    reply: "452 4.2.2 mailbox full", deliveredInTheEnd: true),
        SMTPRefusal(name: "554 at RCPT", trigger: .clientLine(prefix: "RCPT TO", occurrence: 3),
                    reply: "554 5.7.1 relay access denied", deliveredInTheEnd: false, permanentState: "bounced"),
        SMTPRefusal(name: "452 at DATA", trigger: .clientLine(prefix: "DATA", occurrence: 2),
                    reply: "452 4.3.1 insufficient system storage", deliveredInTheEnd: true),
        SMTPRefusal(name: "554 at DATA", trigger: .clientLine(prefix: "DATA", occurrence: 2),
                    reply: "554 5.6.0 message content rejected", deliveredInTheEnd: false, permanentState: "needs_review"),
    ]

    @Test("a 4xx or 5xx at MAIL, RCPT or DATA: temporary ones retried later, permanent ones recorded, nobody gets a message twice",
          arguments: refusals)
    func refusalAtEachStep(refusal: SMTPRefusal) throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.smtpPlainPort)
        defer { proxy.stop() }
        let names = ["r1", "r2", "r3"]
        let campaign = try Campaign(prospects: names, steps: [("01-opening.txt", 0)],
                                    smtpURL: "smtp://127.0.0.1:\(proxy.port)", smtpStartTLS: "never")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        proxy.setRules([FaultRule(name: refusal.name, trigger: refusal.trigger, action: .reply(refusal.reply + "\r\n"),
                                  countsAcrossConnections: true)])
        let first = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(proxy.firedRules == [refusal.name])
        #expect([0, 1, 3].contains(first.status), "a meaningful exit code: \(first.status) \(first.stdout) \(first.stderr)")
        #expect(!first.stderr.contains(MailRig.password))
        proxy.setRules([])
        // Later runs, without faults, finish whatever can be finished: the same minute, two hours on, a day on.
        for now in ["2026-12-01T09:00:00Z", "2026-12-01T11:00:00Z", "2026-12-02T11:00:00Z"] {
            let later = try campaign.run(["send", "--now", now])
            #expect(later.status == 0, "\(now): \(later.stdout) \(later.stderr)")
        }
        let expected = refusal.deliveredInTheEnd ? 3 : 2
        var counts: [String: Int] = [:]
        Eventually.wait {
            counts = Dictionary(uniqueKeysWithValues: names.map { ($0, campaign.delivered(to: $0).count) })
            return counts.values.reduce(0, +) >= expected
        }
        Thread.sleep(forTimeInterval: 0.3)  // a duplicate, if any, would arrive by now
        counts = Dictionary(uniqueKeysWithValues: names.map { ($0, campaign.delivered(to: $0).count) })
        #expect(counts.values.allSatisfy { $0 <= 1 }, "nobody gets step 1 twice: \(counts)")
        #expect(counts.values.reduce(0, +) == expected, "\(counts)")
        let status = try campaign.run(["status", "--json", "--now", "2026-12-02T11:00:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((object["sent"] as? [String: Any])?["total"] as? Int == expected, "the store agrees with the server: \(status.stdout)")
        if let state = refusal.permanentState {
            #expect((object["prospects"] as? [String: Int])?[state] == 1, "the permanent refusal is recorded as \(state): \(status.stdout)")
        }
    }
}

/// The IMAP server fails in the middle of a poll; nothing is lost and nothing is processed twice.
@Suite("poll through IMAP faults", .enabled(if: MailRig.isUsable), .serialized)
struct PollFaultTests {
    /// A campaign reached through `proxy`, with step 1 sent to p1 and p2 and a "no" from each in the INBOX.
    func campaignWithReplies(through proxy: FaultProxy) throws -> Campaign {
        let campaign = try Campaign(prospects: ["p1", "p2"], steps: [("01-opening.txt", 0)], imapURL: "imap://127.0.0.1:\(proxy.port)",
                                    extraIMAP: "connect_timeout_seconds = 5\ntimeout_seconds = 20")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).stdout.hasPrefix("2 sent"))
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        for name in ["p1", "p2"] {
            let reply = "From: <\(campaign.address(name))>\r\nTo: <\(MailRig.sales)>\r\nSubject: Re: hello\r\nDate: Wed, 02 Dec 2026 10:00:00 +0000\r\n"
                + "Message-ID: <fault-\(name)-\(campaign.tag)@example.test>\r\n\r\nNo thanks, we're not interested.\r\n"
            try inbox.append(Array(reply.utf8), to: "INBOX", seen: false)
        }
        return campaign
    }

    /// Polls once more without faults: both replies are applied, once, and a further poll finds nothing new.
    func expectHealedPoll(_ campaign: Campaign, proxy: FaultProxy) throws {
        proxy.setRules([])
        let healed = try campaign.run(["poll", "--now", "2026-12-02T12:00:00Z"])
        #expect(healed.status == 0, "\(healed.stderr)")
        #expect(healed.stdout.contains("\(campaign.address("p1")): closed"))
        #expect(healed.stdout.contains("\(campaign.address("p2")): closed"))
        let again = try campaign.run(["poll", "--now", "2026-12-02T13:00:00Z"])
        #expect(again.status == 0)
        #expect(!again.stdout.contains(campaign.address("p1")) && !again.stdout.contains(campaign.address("p2")))
        let status = try campaign.run(["status", "--json", "--now", "2026-12-02T13:00:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((object["prospects"] as? [String: Int])?["closed_no"] == 2)
        let replies = try campaign.run(["triage", "list", "--all", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(replies.stdout.utf8)) as? [[String: Any]])
        let ours = list.compactMap { $0["prospect"] as? String }.filter { $0.contains(campaign.tag) }
        #expect(ours.sorted() == [campaign.address("p1"), campaign.address("p2")], "each reply recorded exactly once: \(ours)")
    }

    @Test("a connection cut during FETCH fails the poll cleanly; the next poll processes each reply once")
    func cutDuringFetch() throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.imapPort)
        defer { proxy.stop() }
        let campaign = try campaignWithReplies(through: proxy)
        proxy.setRules([FaultRule(name: "cut fetch", connection: nil, trigger: .imapCommand("UID FETCH", occurrence: 1),
                                  action: .cutBeforeReply, countsAcrossConnections: true)])
        let broken = try campaign.run(["poll", "--now", "2026-12-02T11:00:00Z"])
        #expect(broken.status == 1, "\(broken.stdout) \(broken.stderr)")
        #expect(broken.stderr.contains("127.0.0.1"), "the error names the server: \(broken.stderr)")
        #expect(proxy.firedRules == ["cut fetch"])
        try expectHealedPoll(campaign, proxy: proxy)
    }

    /// A fault, and words the one-line error must contain.
    struct Fault: Sendable, CustomTestStringConvertible {
        let name: String
        let trigger: FaultRule.Trigger
        let action: FaultRule.Action
        let expected: [String]
        var testDescription: String { name }
    }

    static let faults: [Fault] = [
        Fault(name: "NO to STATUS", trigger: .imapCommand("STATUS"), action: .reply("NO [UNAVAILABLE] status is not available now"),
              expected: ["STATUS", "UNAVAILABLE"]),
        Fault(name: "NO to UID SEARCH", trigger: .imapCommand("UID SEARCH"), action: .reply("NO [UNAVAILABLE] search backend is down"),
              expected: ["UID SEARCH", "search backend is down"]),
        Fault(name: "BAD to UID FETCH", trigger: .imapCommand("UID FETCH"), action: .reply("BAD [SERVERBUG] internal failure"),
              expected: ["UID FETCH", "SERVERBUG"]),
        Fault(name: "a stall after UID FETCH", trigger: .imapCommand("UID FETCH"), action: .stall, expected: ["127.0.0.1"]),
        Fault(name: "a cut at login", trigger: .imapCommand("AUTHENTICATE"), action: .cutBeforeForwarding, expected: ["127.0.0.1"]),
        Fault(name: "BYE instead of a greeting", trigger: .immediately, action: .reply("* BYE shutting down for maintenance"), expected: ["127.0.0.1"]),
    ]

    @Test("a refused command, a stall or a drop fails the poll with one line naming it; the next poll processes each reply once",
          arguments: faults)
    func faultFailsThenHeals(fault: Fault) throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.imapPort)
        defer { proxy.stop() }
        let campaign = try campaignWithReplies(through: proxy)
        proxy.setRules([FaultRule(name: fault.name, trigger: fault.trigger, action: fault.action, countsAcrossConnections: true)])
        let started = Date()
        let broken = try campaign.run(["poll", "--now", "2026-12-02T11:00:00Z"])
        #expect(broken.status == 1, "\(broken.stdout) \(broken.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "a stalled server is given up on within the timeouts")
        let lines = broken.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning") }
        #expect(lines.count == 1, "one line: \(broken.stderr)")
        for word in fault.expected { #expect(broken.stderr.contains(word), "the error says \(word): \(broken.stderr)") }
        #expect(!broken.stderr.contains(MailRig.password), "no secret in the error")
        #expect(proxy.firedRules == [fault.name])
        try expectHealedPoll(campaign, proxy: proxy)
    }

    @Test("a slow server only makes the poll slower")
    func slowServer() throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.imapPort)
        defer { proxy.stop() }
        let campaign = try campaignWithReplies(through: proxy)
        proxy.setRules([FaultRule(name: "slow", trigger: .imapCommand("UID SEARCH"), action: .delay(milliseconds: 700))])
        let slow = try campaign.run(["poll", "--now", "2026-12-02T12:00:00Z"])
        #expect(slow.status == 0, "\(slow.stderr)")
        #expect(slow.stdout.contains("\(campaign.address("p1")): closed") && slow.stdout.contains("\(campaign.address("p2")): closed"))
        #expect(!proxy.firedRules.isEmpty)
    }
}
