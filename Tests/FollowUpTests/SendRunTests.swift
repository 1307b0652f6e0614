import FollowUp
import Foundation
import Testing

/// The exactly-once rules of `SendRun`, with fakes for the store, SMTP and the mailbox.
@Suite("Sending exactly once")
struct SendRunTests {
    final class FakeLedger: SendLedger {
        var inDoubt: [InDoubtMessage] = []
        var events: [String] = []
        var attempts: [Int64: Int] = [:]
        func inDoubtMessages() throws(StoreError) -> [InDoubtMessage] { inDoubt }
        func freshState(of prospectID: Int64) throws(StoreError) -> (state: ProspectState, attempts: Int)? { (.active, attempts[prospectID] ?? 0) }
        func suppressionList() throws(StoreError) -> SuppressionList { SuppressionList(["@blocked.example"]) }
        func processedReplyUIDs() throws(StoreError) -> Set<UInt32> { [] }
        func recordIntent(_ message: ComposedMessage, prospectID: Int64, plannedAt: Date, at date: Date) throws(StoreError) -> Bool {
            events.append("intent \(message.attempt)")
            return true
        }
        func recordTransmitting(_ record: InDoubtMessage, at date: Date) throws(StoreError) { events.append("transmitting \(record.prospectID)") }
        func recordAccepted(_ record: InDoubtMessage, reply: String, at date: Date) throws(StoreError) {
            events.append("sent \(record.prospectID)")
            attempts[record.prospectID] = record.attempt
        }
        func recordNotSent(_ record: InDoubtMessage, reason: String, at date: Date) throws(StoreError) { events.append("not sent \(record.prospectID)") }
        func recordBounced(_ record: InDoubtMessage, reply: String, at date: Date) throws(StoreError) { events.append("bounced \(record.prospectID)") }
        func recordTemporaryFailure(_ record: InDoubtMessage, reply: String, retryAfter: Date, at date: Date) throws(StoreError) -> Int {
            events.append("deferred \(record.prospectID)")
            return 1
        }
        func holdForReview(_ record: InDoubtMessage, reason: String, at date: Date) throws(StoreError) { events.append("held \(record.prospectID)") }
    }

    final class FakeWitness: MailboxWitness {
        var copies: Set<String> = []
        var repliesFrom: Set<String> = []
        func contains(messageID: String) throws -> Bool { copies.contains(messageID) }
        func messages(from address: String, since date: Date) throws -> [UInt32] { repliesFrom.contains(address) ? [7] : [] }
        var moved: [String] = []
        func moveCopy(messageID: String) throws { moved.append(messageID) }
    }

    final class FakeSubmitter: MessageSubmitter {
        var results: [SubmissionResult] = []
        var submitted: [String] = []
        func submit(_ message: ComposedMessage, witness: String?, beforeData: @escaping () -> Bool) -> SubmissionResult {
            submitted.append(message.recipient)
            let result = results.isEmpty ? .accepted(reply: "250 ok") : results.removeFirst()
            if case .notSent = result { return result }
            guard beforeData() else { return .notSent(reason: "aborted") }
            return result
        }
    }

    final class FixedClock: SendClock {
        var current = Date(timeIntervalSince1970: 1_796_112_000)
        func now() -> Date { current }
        func wait(until date: Date) { current = max(current, date) }
    }

    func record(_ id: Int64, transmitting: Bool) -> InDoubtMessage {
        InDoubtMessage(prospectID: id, messageID: "m\(id)@example.com", attempt: 1, step: 1, plannedAt: Date(timeIntervalSince1970: 1_796_115_600), subject: "Hi", transmitting: transmitting)
    }

    func composer() throws -> MessageComposer {
        let step = try StepTemplate.load(text: "subject: Hi {{first_name}}\n---\nHello\n{{unsubscribe_line}}\n", file: "t.txt", htmlText: nil)
        let sender = SenderIdentity(name: "Kira", email: "kira@example.com", postalAddress: "1 Main St", unsubscribeMailto: nil,
                                    unsubscribeURL: nil, timeZone: .gmt)
        return MessageComposer(sender: sender, sequence: LoadedSequence(steps: [step], timing: SequenceTiming(delays: [0], afterLastStep: .stop)), secret: "s")
    }

    /// Time that passes only when the run pauses, and instantly: the witness wait without waiting.
    final class VirtualStopwatch: Stopwatch {
        var now = 0.0
        var paused = 0.0
        /// Called after each pause with the time reached.
        var afterPause: (Double) -> Void = { _ in }
        func elapsed() -> Double { now }
        func pause(seconds: Double) {
            now += seconds
            paused += seconds
            afterPause(now)
        }
    }

    func run(_ ledger: FakeLedger, _ submitter: FakeSubmitter, _ witness: FakeWitness?, wait: Double = 0.3,
             stopwatch: VirtualStopwatch = VirtualStopwatch()) throws -> SendRun {
        SendRun(ledger: ledger, submitter: submitter, witness: witness, composer: try composer(), clock: FixedClock(), stopwatch: stopwatch,
                options: .init(witnessAddress: "kira@example.com", witnessWaitSeconds: wait))
    }

    @Test("a witness copy that arrives within the wait settles its message; one later than the wait leaves it held", arguments: [4.0, 12.0])
    func witnessWait(arrivesAfter: Double) throws {
        let ledger = FakeLedger()
        ledger.inDoubt = [record(2, transmitting: true)]
        let witness = FakeWitness()
        let stopwatch = VirtualStopwatch()
        stopwatch.afterPause = { now in if now >= arrivesAfter { witness.copies.insert("m2@example.com") } }
        var report = SendReport()
        try run(ledger, FakeSubmitter(), witness, wait: 10, stopwatch: stopwatch).resolveInDoubt(into: &report)
        if arrivesAfter < 10 {
            #expect(ledger.events == ["sent 2"])
            #expect(stopwatch.paused == arrivesAfter, "it looked again every quarter second until the copy was there")
        } else {
            #expect(ledger.events == ["held 2"])
            #expect(stopwatch.paused >= 10 && stopwatch.paused < 10.5, "it gave up once the wait was over, not before")
        }
    }

    @Test("data never sent: settled at once and sent again; data sent and copy found: sent; copy missing: held, never resent")
    func resolution() throws {
        let ledger = FakeLedger()
        ledger.inDoubt = [record(1, transmitting: false), record(2, transmitting: true), record(3, transmitting: true)]
        let witness = FakeWitness()
        witness.copies = ["m2@example.com"]
        var report = SendReport()
        try run(ledger, FakeSubmitter(), witness).resolveInDoubt(into: &report)
        #expect(ledger.events == ["not sent 1", "sent 2", "held 3"])
        #expect(report.resolved == 2 && report.held == 1)
        #expect(witness.moved == ["m2@example.com"], "only the copy that confirmed its message leaves the mailbox")
    }

    @Test("without a mailbox to check, transmitted messages in doubt are held")
    func noWitness() throws {
        let ledger = FakeLedger()
        ledger.inDoubt = [record(1, transmitting: false), record(2, transmitting: true)]
        var report = SendReport()
        try run(ledger, FakeSubmitter(), nil).resolveInDoubt(into: &report)
        #expect(ledger.events == ["not sent 1", "held 2"])
    }

    func prospect(_ id: Int64, _ email: String, lastSent: Date? = nil) -> (Prospect, Enrolment) {
        (Prospect(id: id, email: email, identity: email, fields: ["first_name": "A"], timeZone: nil, state: .active),
         Enrolment(prospectID: id, enrolledAt: Date(timeIntervalSince1970: 0), lastSentAt: lastSent))
    }

    func entry(_ id: Int64) -> PlanEntry {
        PlanEntry(prospectID: id, step: 1, attempt: 1, dueAt: Date(timeIntervalSince1970: 1_796_112_000), slot: Date(timeIntervalSince1970: 1_796_112_000), previousAt: nil)
    }

    @Test("the intent is recorded before the data, refusals are settled, an unknown outcome stops the run and stays in doubt")
    func sendOrder() throws {
        let ledger = FakeLedger()
        let submitter = FakeSubmitter()
        submitter.results = [.accepted(reply: "250"), .recipientRefused(permanent: true, reply: "550"),
                             .recipientRefused(permanent: false, reply: "450"), .unknown(reason: "dropped")]
        let people = [1: prospect(1, "a@example.com"), 2: prospect(2, "b@example.com"), 3: prospect(3, "c@example.com"),
                      4: prospect(4, "d@example.com"), 5: prospect(5, "e@example.com")]
        let report = try run(ledger, submitter, FakeWitness()).send((1...5).map { entry(Int64($0)) }, prospect: { people[Int($0)] })
        #expect(ledger.events == ["intent 1", "transmitting 1", "sent 1", "intent 1", "transmitting 2", "bounced 2",
                                  "intent 1", "transmitting 3", "deferred 3", "intent 1", "transmitting 4"])
        #expect(report.sent == 1 && report.bounced == 1 && report.deferred == 1 && report.remaining == 1)
        #expect(report.stoppedBecause?.contains("outcome unknown") == true)
    }

    @Test("suppressed prospects and prospects with an unread reply are skipped at the last moment")
    func lastMomentChecks() throws {
        let ledger = FakeLedger()
        let submitter = FakeSubmitter()
        let witness = FakeWitness()
        witness.repliesFrom = ["b@example.com"]
        let people = [1: prospect(1, "x@blocked.example"), 2: prospect(2, "b@example.com", lastSent: Date(timeIntervalSince1970: 1)),
                      3: prospect(3, "c@example.com")]
        let report = try run(ledger, submitter, witness).send((1...3).map { entry(Int64($0)) }, prospect: { people[Int($0)] })
        #expect(submitter.submitted == ["c@example.com"])
        #expect(report.skipped == 2 && report.sent == 1)
    }
}
