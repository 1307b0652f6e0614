import FollowUp
@testable import FollowUpStore
import Foundation
import Testing

/// Every ledger method of the SQLite store, without mail servers: what `send` and `poll` write,
/// and what they read back.
@Suite("The store's send and reply ledgers")
struct LedgerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A store with prospects a@, b@ and c@example.com (ids 1, 2, 3).
    func store() throws -> SQLiteProspectStore {
        let store = try SQLiteProspectStore(path: NSTemporaryDirectory() + "ledger-\(UUID().uuidString).sqlite")
        let rows = ["a", "b", "c"].enumerated().map { index, name in
            ProspectRow(line: index + 2, email: "\(name)@example.com", identity: "\(name)@example.com", fields: [:], timeZone: nil)
        }
        _ = try store.importProspects(rows, at: now)
        return store
    }

    /// Records the intent to send message 1 of step 1 to prospect `id`, and returns its in-doubt record.
    func intent(_ store: SQLiteProspectStore, _ id: Int64, at date: Date) throws -> InDoubtMessage {
        let email = ["a", "b", "c"][Int(id) - 1] + "@example.com"
        let message = ComposedMessage(identity: email, recipient: email, envelopeFrom: "k@example.com", step: 1, attempt: 1,
                                      messageID: "m\(id)@example.com", subject: "Hi", date: date, bytes: [])
        #expect(try store.recordIntent(message, prospectID: id, plannedAt: date, at: date))
        #expect(try !store.recordIntent(message, prospectID: id, plannedAt: date, at: date), "the same message is never recorded twice")
        return try #require(try store.inDoubtMessages().first { $0.prospectID == id })
    }

    @Test("intent, transmitting, accepted: the message counts as sent, once, in the history and the prospect's attempts")
    func accepted() throws {
        let store = try store()
        let record = try intent(store, 1, at: now)
        #expect(!record.transmitting && record.recipient == "a@example.com")
        #expect(try store.sendHistory(since: now.addingTimeInterval(-60)).sentTimes == [now], "in doubt counts as sent for caps")
        try store.recordTransmitting(record, at: now)
        #expect(try store.inDoubtMessages().first?.transmitting == true)
        try store.recordAccepted(record, reply: "250 2.0.0 Ok", at: now)
        #expect(try store.inDoubtMessages().isEmpty)
        #expect(try store.freshState(of: 1)?.attempts == 1)
        #expect(try store.isSettled(sentMessageID: "<m1@example.com>"))
        #expect(try store.prospect(sentMessageID: "m1@example.com")?.identity == "a@example.com")
        #expect(try store.earliestSend() == now)
        let history = try store.sendHistory(since: now.addingTimeInterval(-60))
        #expect(history.lastSentAt == now && history.sentTimes == [now])
        #expect(try store.sendHistory(since: now.addingTimeInterval(60)).sentTimes.isEmpty)
    }

    @Test("known: our Message-IDs among many, with or without brackets (an unclosed one too), and prospects' addresses, in groups over 100")
    func known() throws {
        let store = try store()
        _ = try intent(store, 1, at: now)
        _ = try intent(store, 3, at: now)
        let strangers = (0..<250).map { "x\($0)@else.example" }
        let ids: Set<String> = Set(strangers + ["m1@example.com", "<m3@example.com", " <m3@example.com> ", "m2@example.com"])
        let found = try store.known(messageIDs: ids, identities: Set(strangers + ["B@example.com", "c@example.com", "z@example.com"]))
        #expect(found.messageIDs == ["m1@example.com", "<m3@example.com", " <m3@example.com> "], "as given, each one we sent")
        #expect(found.identities == ["b@example.com", "c@example.com"])
        #expect(try store.known(messageIDs: [], identities: []) == (messageIDs: [], identities: []))
    }

    @Test("not sent: the message is forgotten and may go again; bounced at RCPT: the prospect is bounced")
    func notSentAndBounced() throws {
        let store = try store()
        try store.recordNotSent(try intent(store, 1, at: now), reason: "connection refused", at: now)
        #expect(try store.inDoubtMessages().isEmpty)
        #expect(try store.freshState(of: 1)?.attempts == 0 && store.freshState(of: 1)?.state == .active)
        #expect(try !store.isSettled(sentMessageID: "m1@example.com"))
        #expect(try store.earliestSend() == nil)
        try store.recordBounced(try intent(store, 2, at: now), reply: "550 5.1.1 no such user", at: now)
        #expect(try store.freshState(of: 2)?.state == .bounced)
    }

    @Test("temporary refusals count up per prospect until one is accepted, and set when to retry")
    func temporaryFailures() throws {
        let store = try store()
        let retry = now.addingTimeInterval(3_600)
        #expect(try store.recordTemporaryFailure(try intent(store, 1, at: now), reply: "451 try later", retryAfter: retry, at: now) == 1)
        #expect(try store.recordTemporaryFailure(try intent(store, 1, at: now), reply: "451 try later", retryAfter: retry, at: now) == 2)
        var retryAfter: Date?
        try store.forEachPlanningRow { row in if row.id == 1 { retryAfter = row.enrolment.retryAfter } }
        #expect(retryAfter == retry)
        let third = try intent(store, 1, at: now)
        try store.recordAccepted(third, reply: "250 Ok", at: now)
        #expect(try store.recordTemporaryFailure(try intent(store, 2, at: now), reply: "451", retryAfter: retry, at: now) == 1,
                "counted per prospect")
    }

    @Test("replies: recorded once per UID and per Message-ID, applied to the prospect, with suppression and bounce counts")
    func replies() throws {
        let store = try store()
        #expect(try store.cursor(for: "INBOX") == nil)
        try store.saveCursor(for: "INBOX", uidValidity: 7, nextUID: 42)
        let first = try #require(try store.cursor(for: "INBOX"))
        #expect(first == (7, 42))
        try store.saveCursor(for: "INBOX", uidValidity: 8, nextUID: 1)
        let second = try #require(try store.cursor(for: "INBOX"))
        #expect(second == (8, 1), "a new UID validity replaces the cursor")

        let no = ProcessedReply(mailbox: "INBOX", uidValidity: 8, uid: 5, messageID: "r1@example.net", sender: "a@example.com",
                                receivedAt: now, kind: .human, intent: .no, explanation: ["said no"], text: "No thanks.")
        try store.recordReply(no, prospectID: 1, outcome: ReplyOutcome(newState: .closedNo, suppress: "a@example.com", summary: "closed: no"), at: now)
        #expect(try store.wasProcessed(mailbox: "INBOX", uidValidity: 8, uid: 5, messageID: nil))
        #expect(try store.wasProcessed(mailbox: "INBOX", uidValidity: 9, uid: 99, messageID: "r1@example.net"), "the same message after a re-scan")
        #expect(try !store.wasProcessed(mailbox: "INBOX", uidValidity: 8, uid: 6, messageID: "r2@example.net"))
        #expect(try store.processedReplyUIDs().contains(5))
        #expect(try store.prospect(identity: "A@example.com")?.state == .closedNo)
        #expect(try store.suppressionList().contains("a@example.com"))

        for uid in [10, 11] as [UInt32] {
            let bounce = ProcessedReply(mailbox: "INBOX", uidValidity: 8, uid: uid, messageID: "b\(uid)@example.net", sender: "mailer-daemon@example.net",
                                        receivedAt: now.addingTimeInterval(Double(uid)), kind: .bounce, intent: nil, explanation: ["mailbox full"],
                                        bounceCause: "mailbox_full")
            try store.recordReply(bounce, prospectID: 2, outcome: ReplyOutcome(newState: nil, temporaryBounce: true, summary: "temporary bounce"),
                                  at: now.addingTimeInterval(Double(uid)))
        }
        #expect(try store.temporaryBounces(prospectID: 2) == 2)
        #expect(try store.firstTemporaryBounce(prospectID: 2) == now.addingTimeInterval(10))
        #expect(try store.temporaryBounces(prospectID: 3) == 0 && store.firstTemporaryBounce(prospectID: 3) == nil)
    }
}
