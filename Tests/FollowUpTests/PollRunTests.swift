import FollowUp
import Foundation
import MailCore
import Testing
import Triage

/// `PollRun` with a fake mailbox and ledger: incremental cost, UID validity changes, own copies.
@Suite("Polling replies")
struct PollRunTests {
    final class FakeMailbox: ReplyMailbox {
        var validity: UInt32 = 7
        var messages: [UInt32: [UInt8]] = [:]
        var calls: [String] = []
        let name = "INBOX"
        func validityAndNextUID() throws -> (uidValidity: UInt32, uidNext: UInt32) {
            calls.append("status")
            return (validity, PollRun.after(messages.keys.max() ?? 0))
        }
        func uids(from first: UInt32) throws -> [UInt32] {
            calls.append("search from \(first)")
            return messages.keys.filter { $0 >= first }.sorted()
        }
        func uids(arrivedSince date: Date) throws -> [UInt32] {
            calls.append("search since")
            return messages.keys.sorted()
        }
        func fetch(uids: [UInt32]) throws -> [(uid: UInt32, bytes: [UInt8])] {
            calls.append("fetch \(uids.count)")
            fetchedWhole += uids
            return uids.compactMap { uid in messages[uid].map { (uid, $0) } }
        }
        /// The UIDs fetched whole, in order.
        var fetchedWhole: [UInt32] = []
        /// Like an IMAP server: only the fields asked for, each with its continuation lines.
        func fetchHeaders(_ fields: [String], uids: [UInt32], each: ([(uid: UInt32, bytes: [UInt8])]) throws -> Void) throws {
            calls.append("headers \(uids.count)")
            let wanted = Set(fields.map { $0.lowercased() })
            try each(uids.compactMap { uid in
                messages[uid].map { message in
                    let header = String(decoding: message[..<MessageReader.headerEnd(message)], as: UTF8.self)
                    var kept = ""
                    var keeping = false
                    for line in header.components(separatedBy: "\r\n") where !line.isEmpty {
                        if line.first == " " || line.first == "\t" {
                            if keeping { kept += line + "\r\n" }
                        } else {
                            keeping = wanted.contains(String(line.prefix(while: { $0 != ":" })).lowercased())
                            if keeping { kept += line + "\r\n" }
                        }
                    }
                    return (uid, Array((kept + "\r\n").utf8))
                }
            })
        }
        var moveFails = false
        func moveOwnCopies(uids: [UInt32]) throws {
            calls.append("move \(uids)")
            if moveFails { throw StoreError(path: "INBOX", operation: "move", detail: "refused") }
            for uid in uids { messages[uid] = nil }
        }
    }

    final class FakeLedger: ReplyLedger {
        var cursors: [String: (UInt32, UInt32)] = [:]
        var processed: [(UInt32, UInt32, String?)] = []
        var applied: [(Int64?, ProspectState?)] = []
        let prospect = Prospect(id: 1, email: "ana@example.com", identity: "ana@example.com", fields: [:], timeZone: nil, state: .active)
        func cursor(for mailbox: String) throws(StoreError) -> (uidValidity: UInt32, nextUID: UInt32)? { cursors[mailbox].map { ($0.0, $0.1) } }
        func saveCursor(for mailbox: String, uidValidity: UInt32, nextUID: UInt32) throws(StoreError) { cursors[mailbox] = (uidValidity, nextUID) }
        func wasProcessed(mailbox: String, uidValidity: UInt32, uid: UInt32, messageID: String?) throws(StoreError) -> Bool {
            processed.contains { ($0.0 == uidValidity && $0.1 == uid) || ($0.2 != nil && $0.2 == messageID) }
        }
        func prospect(sentMessageID: String) throws(StoreError) -> Prospect? { sentMessageID == "ours@example.com" ? prospect : nil }
        func prospect(identity: String) throws(StoreError) -> Prospect? { identity == "ana@example.com" ? prospect : nil }
        func earliestSend() throws(StoreError) -> Date? { Date(timeIntervalSince1970: 1_700_000_000) }
        func temporaryBounces(prospectID: Int64) throws(StoreError) -> Int { 0 }
        var firstTemporary: Date?
        func firstTemporaryBounce(prospectID: Int64) throws(StoreError) -> Date? { firstTemporary }
        var settled: Set<String> = []
        func isSettled(sentMessageID: String) throws(StoreError) -> Bool { settled.contains(sentMessageID) }
        func recordReply(_ reply: ProcessedReply, prospectID: Int64?, outcome: ReplyOutcome, at date: Date) throws(StoreError) {
            processed.append((reply.uidValidity, reply.uid, reply.messageID))
            applied.append((prospectID, outcome.newState))
        }
    }

    func message(from: String, id: String, body: String, inReplyTo: String? = nil) -> [UInt8] {
        Array("From: <\(from)>\r\nTo: <kira@example.com>\r\nSubject: Re: hello\r\nMessage-ID: <\(id)>\r\n\(inReplyTo.map { "In-Reply-To: <\($0)>\r\n" } ?? "")Date: Tue, 08 Dec 2026 10:00:00 +0000\r\n\r\n\(body)\r\n".utf8)
    }

    func poll(_ mailbox: FakeMailbox, _ ledger: FakeLedger) throws -> PollReport {
        let classifier = ReplyClassifier(ownAddresses: ["kira@example.com"])
        return try PollRun(mailbox: mailbox, ledger: ledger, classifier: classifier, ownAddresses: ["kira@example.com"],
                           unsubscribeAddress: nil).run(now: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test("nothing new costs one STATUS and one search from the cursor; new mail adds one fetch")
    func incrementalCost() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        mailbox.messages = [1: message(from: "someone@else.example", id: "x1@else.example", body: "Lunch?"),
                            2: message(from: "ana@example.com", id: "a1@example.com", body: "No thanks, we're not interested.", inReplyTo: "ours@example.com")]
        let first = try poll(mailbox, ledger)
        #expect(first.matched == 1 && first.changes.count == 1)
        #expect(ledger.applied.first?.1 == .closedNo)
        mailbox.calls = []
        let idle = try poll(mailbox, ledger)
        #expect(idle.nothingNew)
        #expect(mailbox.calls == ["status", "search from 3"])
        mailbox.messages[3] = message(from: "kira@example.com", id: "ours@example.com", body: "witness copy")
        mailbox.calls = []
        let next = try poll(mailbox, ledger)
        #expect(mailbox.calls == ["status", "search from 3", "headers 1"], "our own copy is known by its header")
        #expect(next.ownCopies == 1 && next.changes.isEmpty)
    }

    @Test("every message is screened by its header; only a prospect's reply, an answer to our mail and a report are fetched whole")
    func onlyWhatConcernsUsIsFetched() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        let bounce = Array(("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\nTo: <kira@example.com>\r\n"
            + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <b1@mx.example.net>\r\nDate: Tue, 08 Dec 2026 10:00:00 +0000\r\n\r\n"
            + "This is the mail system at host mx.example.net.\r\n\r\nI'm sorry to have to inform you that your message could not\r\n"
            + "be delivered to one or more recipients.\r\n\r\n<ana@example.com>: host mx.example.com said: 550 5.1.1 User unknown\r\n").utf8)
        mailbox.messages = [1: message(from: "friend@else.example", id: "x1@else.example", body: "Lunch on Friday?"),
                            2: message(from: "ana@example.com", id: "a1@example.com", body: "Yes, call me on Friday."),
                            3: message(from: "news@shop.example", id: "n1@shop.example", body: "Our sale starts today."),
                            4: message(from: "assistant@example.com", id: "s1@example.com", body: "Ana is away.", inReplyTo: "ours@example.com"),
                            5: bounce]
        let report = try poll(mailbox, ledger)
        #expect(report.examined == 5)
        #expect(mailbox.calls.filter { $0.hasPrefix("headers") } == ["headers 5"])
        #expect(mailbox.fetchedWhole == [2, 4, 5], "the user's own mail stays on the server")
        #expect(report.matched == 3)
        #expect(ledger.applied.map(\.1).contains(.bounced))
    }

    @Test("mail to the unsubscribe mailbox from someone who is no prospect is read, by its recipients, and suppresses the sender")
    func strangerWritesToTheUnsubscribeAddress() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        mailbox.messages = [1: Array(("From: <stranger@else.example>\r\nTo: <kira+unsubscribe@example.com>\r\nSubject: hello\r\n"
            + "Message-ID: <u1@else.example>\r\nDate: Tue, 08 Dec 2026 10:00:00 +0000\r\n\r\nPlease take me off.\r\n").utf8),
                            2: Array(("From: <other@else.example>\r\nTo: <kira@example.com>\r\nSubject: hello\r\n"
            + "Message-ID: <u2@else.example>\r\nDate: Tue, 08 Dec 2026 10:00:00 +0000\r\n\r\nLunch?\r\n").utf8)]
        let classifier = ReplyClassifier(ownAddresses: ["kira@example.com"], unsubscribeAddress: "kira+unsubscribe@example.com")
        let report = try PollRun(mailbox: mailbox, ledger: ledger, classifier: classifier, ownAddresses: ["kira@example.com"],
                                 unsubscribeAddress: "kira+unsubscribe@example.com").run(now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(mailbox.fetchedWhole == [1])
        #expect(report.matched == 1 && report.changes.first?.prospect == "stranger@else.example", "\(report.changes)")
    }

    @Test("a message at the highest UID there is (4294967295) is read, and the cursor stays there")
    func highestUID() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        mailbox.messages = [.max: message(from: "ana@example.com", id: "a1@example.com", body: "Yes, call me on Friday.")]
        let report = try poll(mailbox, ledger)
        #expect(report.matched == 1)
        #expect(ledger.cursors["INBOX"]?.1 == .max)
    }

    @Test("the same message under two UIDs is applied once")
    func duplicateUnderTwoUIDs() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        let reply = message(from: "ana@example.com", id: "a1@example.com", body: "Please remove me from your list.")
        mailbox.messages = [1: reply, 2: reply]
        let report = try poll(mailbox, ledger)
        #expect(report.examined == 2)
        #expect(ledger.applied.count == 1, "\(ledger.applied)")
    }

    @Test("a changed UID validity re-scans, but never processes the same message twice")
    func validityChange() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        mailbox.messages = [5: message(from: "ana@example.com", id: "a1@example.com", body: "Yes, let's talk on Friday.")]
        _ = try poll(mailbox, ledger)
        #expect(ledger.applied.count == 1)
        // The server renumbered everything (new UID validity, new UIDs).
        mailbox.validity = 8
        mailbox.messages = [1: mailbox.messages[5]!, 2: message(from: "ana@example.com", id: "a2@example.com", body: "Actually, please remove me from your list.")]
        mailbox.calls = []
        let report = try poll(mailbox, ledger)
        #expect(mailbox.calls.contains("search since"))
        #expect(report.changes.count == 1, "only the new message is processed")
        #expect(ledger.applied.last?.1 == .unsubscribed)
        #expect(ledger.cursors["INBOX"].map { $0.0 } == 8)
    }

    @Test("a no from someone else in the thread goes to review instead of closing the prospect")
    func otherSenderInThread() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        mailbox.messages = [1: message(from: "assistant@example.com", id: "s1@example.com", body: "She is not interested, thanks.", inReplyTo: "ours@example.com")]
        _ = try poll(mailbox, ledger)
        #expect(ledger.applied.first?.1 == .needsReview)
    }

    @Test("the witness copy of a settled message leaves the mailbox; one still in doubt stays; a failed move is a warning")
    func settledCopiesMoveOut() throws {
        let mailbox = FakeMailbox()
        let ledger = FakeLedger()
        mailbox.messages = [1: message(from: "kira@example.com", id: "ours@example.com", body: "Hi Ana"),
                            2: message(from: "kira@example.com", id: "doubt@example.com", body: "Hi again")]
        ledger.settled = ["ours@example.com"]
        let report = try poll(mailbox, ledger)
        #expect(report.ownCopies == 2)
        #expect(report.ownCopiesMoved == 1)
        #expect(mailbox.calls.contains("move [1]"))
        #expect(mailbox.messages.keys.sorted() == [2], "only the settled copy left; nothing deleted by the poll itself")

        let failing = FakeMailbox()
        failing.moveFails = true
        failing.messages = [1: message(from: "kira@example.com", id: "ours@example.com", body: "Hi Ana")]
        let warned = try poll(failing, FakeLedger.settledOnes(["ours@example.com"]))
        #expect(warned.ownCopiesMoved == 0)
        #expect(warned.warnings.contains { $0.hasPrefix("could not move 1 copy(ies) of our own messages out of INBOX") })
    }
}

extension PollRunTests {
    func dsn(status: String, diagnostic: String) -> [UInt8] {
        Array(("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\nTo: <kira@example.com>\r\nSubject: Undelivered Mail Returned to Sender\r\n"
            + "Message-ID: <b-\(status)@mx.example.net>\r\nDate: Tue, 08 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe mail system\r\n"
            + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\nFinal-Recipient: rfc822; ana@example.com\r\n"
            + "Action: failed\r\nStatus: \(status)\r\nDiagnostic-Code: smtp; \(diagnostic)\r\n\r\n--b--\r\n").utf8)
    }

    @Test("temporary bounces for one address that keep coming for days make it bounced for good")
    func temporaryForDays() throws {
        let mailbox = FakeMailbox()
        mailbox.messages = [1: dsn(status: "4.2.2", diagnostic: "452 4.2.2 mailbox full")]
        let recent = FakeLedger()
        recent.firstTemporary = Date(timeIntervalSince1970: 1_796_637_600)  // 2026-12-07 10:00, one day before this bounce
        #expect(try poll(mailbox, recent).changes.first?.summary.hasPrefix("temporary delivery problem") == true)
        let old = FakeLedger()
        old.firstTemporary = Date(timeIntervalSince1970: 1_796_378_400)  // 2026-12-04 10:00, four days before
        let report = try poll(mailbox, old)
        #expect(old.applied.first?.1 == .bounced)
        #expect(report.changes.first?.summary == "bounced: temporary delivery failures for \(PollRun.temporaryBounceDays) days or more; giving up")
    }

    @Test("a bounce refused as spam or for DMARC stops the prospect and warns about the sending mailbox")
    func blockedWarns() throws {
        for (status, diagnostic) in [("5.7.1", "554 5.7.1 Service unavailable; client host blocked using a block list"),
                                     ("5.7.26", "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy")] {
            let mailbox = FakeMailbox()
            mailbox.messages = [1: dsn(status: status, diagnostic: diagnostic)]
            let ledger = FakeLedger()
            let report = try poll(mailbox, ledger)
            #expect(ledger.applied.first?.1 == .bounced, "\(status)")
            #expect(report.warnings.contains { $0.hasPrefix("mail to ana@example.com was refused") && $0.contains("SPF, DKIM and DMARC") }, "\(report.warnings)")
        }
    }
}

extension PollRunTests.FakeLedger {
    static func settledOnes(_ ids: Set<String>) -> PollRunTests.FakeLedger {
        let ledger = PollRunTests.FakeLedger()
        ledger.settled = ids
        return ledger
    }
}
