import Foundation

/// One `send` run: settles messages left in doubt by an earlier run, then sends the planned
/// messages one at a time, so that each step goes out exactly once.
///
/// The order of every message is: record the intent (durable), submit over SMTP with the
/// sender's own mailbox as an extra envelope recipient (the witness), record the outcome. A
/// crash at any point leaves at most this one message `sending`; the next run looks for its
/// witness copy by Message-ID: found means sent, absent means never accepted (sent again, with
/// the same Message-ID), and undecidable means held for a person to review.
public final class SendRun {
    /// Tunables of a run.
    public struct Options: Sendable {
        /// The address that receives the witness copy (normally the sender's own), or nil for none.
        public var witnessAddress: String?
        /// How long to wait for a witness copy to arrive before deciding it never will.
        public var witnessWaitSeconds: Double
        /// Send at most this many messages (nil: no limit beyond the plan).
        public var limit: Int?
        /// Temporary refusals in a row before a prospect counts as bounced.
        public var temporaryFailureLimit: Int

        /// Options with the given witness and defaults for the rest.
        public init(witnessAddress: String?, witnessWaitSeconds: Double = 10, limit: Int? = nil, temporaryFailureLimit: Int = 5) {
            self.witnessAddress = witnessAddress
            self.witnessWaitSeconds = witnessWaitSeconds
            self.limit = limit
            self.temporaryFailureLimit = temporaryFailureLimit
        }
    }

    /// Something that happened, for progress lines and the log.
    public enum Event: Sendable {
        /// An earlier run's message was settled: `sent` tells which way.
        case resolved(InDoubtMessage, sent: Bool, how: String)
        /// Message `index` (1-based) of `total` is being submitted.
        case sending(index: Int, total: Int, message: ComposedMessage)
        /// The server accepted it.
        case sent(ComposedMessage, reply: String)
        /// A prospect was skipped at the last moment, and why.
        case skipped(prospectID: Int64, email: String, reason: String)
        /// An outcome other than acceptance, in one sentence.
        case problem(ComposedMessage?, String)
    }

    private let ledger: any SendLedger
    private let submitter: any MessageSubmitter
    private let witness: (any MailboxWitness)?
    private let composer: MessageComposer
    private let clock: any SendClock
    private let stopwatch: any Stopwatch
    private let options: Options
    private let shouldStop: () -> Bool
    private let observe: (Event) -> Void

    /// A run over these ports. `witness` may be nil when no IMAP mailbox is configured: then
    /// nothing can be settled after a crash, and such messages are held for review. `clock` is
    /// the plan's time (stamps and slots); `stopwatch` times the wait for witness copies.
    public init(ledger: any SendLedger, submitter: any MessageSubmitter, witness: (any MailboxWitness)?, composer: MessageComposer,
                clock: any SendClock, stopwatch: any Stopwatch = MonotonicStopwatch(), options: Options,
                shouldStop: @escaping () -> Bool = { false }, observe: @escaping (Event) -> Void = { _ in }) {
        self.ledger = ledger
        self.submitter = submitter
        self.witness = witness
        self.composer = composer
        self.clock = clock
        self.stopwatch = stopwatch
        self.options = options
        self.shouldStop = shouldStop
        self.observe = observe
    }

    /// Settles every message an earlier run left in doubt.
    ///
    /// One whose data never started to go out was provably not accepted: it is forgotten at once
    /// and sent again. One whose data went out is looked for in the mailbox for up to the witness
    /// wait: found, it counts as sent; not found, it is held for a person, never sent again on a
    /// guess (a witness copy can be late, and a duplicate is the worse mistake).
    public func resolveInDoubt(into report: inout SendReport) throws(StoreError) {
        var pending: [InDoubtMessage] = []
        for record in try ledger.inDoubtMessages() {
            if record.transmitting {
                pending.append(record)
            } else {
                try ledger.recordNotSent(record, reason: "its data never went out: the server cannot have accepted it", at: clock.now())
                report.resolved += 1
                observe(.resolved(record, sent: false, how: "its data never went out, so it will be sent again"))
            }
        }
        guard !pending.isEmpty else { return }
        guard let witness, options.witnessAddress != nil else {
            for record in pending {
                try ledger.holdForReview(record, reason: "its delivery could not be checked (no witness copy to look for)", at: clock.now())
                report.held += 1
                observe(.resolved(record, sent: false, how: "held for review: no mailbox to check"))
            }
            return
        }
        let deadline = stopwatch.elapsed() + options.witnessWaitSeconds
        while !pending.isEmpty {
            var stillPending: [InDoubtMessage] = []
            for record in pending {
                let found: Bool
                do {
                    found = try witness.contains(messageID: record.messageID)
                } catch {
                    try ledger.holdForReview(record, reason: "its delivery could not be checked: \(error)", at: clock.now())
                    report.held += 1
                    observe(.resolved(record, sent: false, how: "held for review: \(error)"))
                    continue
                }
                if found {
                    try ledger.recordAccepted(record, reply: "confirmed by the witness copy in the sender's mailbox", at: clock.now())
                    try? witness.moveCopy(messageID: record.messageID)  // it has served; clutter if it stays
                    report.resolved += 1
                    observe(.resolved(record, sent: true, how: "its witness copy arrived, so the server accepted it"))
                } else {
                    stillPending.append(record)
                }
            }
            pending = stillPending
            if pending.isEmpty { break }
            if stopwatch.elapsed() >= deadline {
                for record in pending {
                    try ledger.holdForReview(record, reason: "its data went out but no witness copy arrived within \(Int(options.witnessWaitSeconds)) s; check the mailbox before resending", at: clock.now())
                    report.held += 1
                    observe(.resolved(record, sent: false, how: "held for review: no witness copy arrived in time"))
                }
                break
            }
            stopwatch.pause(seconds: 0.25)
        }
    }

    /// Sends `plan` (in order), looking up each entry's prospect with `prospect`, and returns what happened.
    public func send(_ plan: [PlanEntry], prospect lookup: (Int64) -> (Prospect, Enrolment)?, report start: SendReport = SendReport()) -> SendReport {
        var report = start
        let suppressions: SuppressionList
        let processed: Set<UInt32>
        do {
            suppressions = try ledger.suppressionList()
            processed = try ledger.processedReplyUIDs()
        } catch {
            report.stoppedBecause = error.description
            report.remaining = plan.count
            return report
        }
        for (index, entry) in plan.enumerated() {
            if shouldStop() {
                report.stoppedBecause = "interrupted"
                report.remaining = plan.count - index
                break
            }
            if let limit = options.limit, report.sent >= limit {
                report.remaining = plan.count - index
                break
            }
            guard let (prospect, enrolment) = lookup(entry.prospectID) else { continue }
            if let reason = blocker(for: prospect, enrolment: enrolment, entry: entry, suppressions: suppressions, processed: processed) {
                report.skipped += 1
                observe(.skipped(prospectID: prospect.id, email: prospect.email, reason: reason))
                continue
            }
            clock.wait(until: entry.slot)
            let message: ComposedMessage
            do {
                message = try composer.compose(prospect: prospect, step: entry.step, attempt: entry.attempt, at: entry.slot,
                                               firstSentAt: enrolment.firstSentAt, firstSubject: enrolment.firstSubject)
            } catch {
                report.skipped += 1
                observe(.skipped(prospectID: prospect.id, email: prospect.email, reason: "cannot render: \(error.lines.joined(separator: "; "))"))
                continue
            }
            let record = InDoubtMessage(prospectID: prospect.id, messageID: message.messageID, attempt: message.attempt,
                                        step: message.step, plannedAt: entry.slot, subject: message.subject, recipient: prospect.email)
            do {
                guard try ledger.recordIntent(message, prospectID: prospect.id, plannedAt: entry.slot, at: clock.now()) else {
                    report.skipped += 1
                    observe(.skipped(prospectID: prospect.id, email: prospect.email, reason: "message \(entry.attempt) is already recorded"))
                    continue
                }
                observe(.sending(index: index + 1, total: plan.count, message: message))
                let ledger = self.ledger, clock = self.clock
                let outcome = submitter.submit(message, witness: options.witnessAddress) {
                    (try? ledger.recordTransmitting(record, at: clock.now())) != nil
                }
                if let stop = try settle(outcome, record: record, message: message, report: &report) {
                    report.stoppedBecause = stop
                    report.remaining = plan.count - index - 1
                    break
                }
            } catch {
                report.stoppedBecause = error.description
                report.remaining = plan.count - index - 1
                break
            }
        }
        return report
    }

    /// Records the outcome; returns a reason when the run must stop.
    private func settle(_ outcome: SubmissionResult, record: InDoubtMessage, message: ComposedMessage, report: inout SendReport) throws(StoreError) -> String? {
        let now = clock.now()
        switch outcome {
        case .accepted(let reply):
            try ledger.recordAccepted(record, reply: reply, at: now)
            report.sent += 1
            observe(.sent(message, reply: reply))
            return nil
        case .recipientRefused(let permanent, let reply):
            if permanent {
                try ledger.recordBounced(record, reply: reply, at: now)
                report.bounced += 1
                observe(.problem(message, "\(message.recipient) refused for good (\(reply)): marked bounced"))
                return nil
            }
            return try deferral(record, message: message, reply: reply, now: now, report: &report)
        case .messageRefused(let permanent, let reply):
            if permanent {
                try ledger.holdForReview(record, reason: "the server refused the message: \(reply)", at: now)
                report.held += 1
                observe(.problem(message, "the server refused message \(message.attempt) for \(message.recipient) (\(reply)): held for review"))
                return nil
            }
            try ledger.recordNotSent(record, reason: "the server deferred it: \(reply)", at: now)
            observe(.problem(message, "the server deferred the message (\(reply)); stopping, try again later"))
            return "the server deferred messages: \(reply)"
        case .notSent(let reason):
            try ledger.recordNotSent(record, reason: reason, at: now)
            return reason
        case .unknown(let reason):
            observe(.problem(message, "the connection broke after the message data went out; the next run checks whether it arrived"))
            return "outcome unknown for the message to \(message.recipient): \(reason)"
        }
    }

    private func deferral(_ record: InDoubtMessage, message: ComposedMessage, reply: String, now: Date, report: inout SendReport) throws(StoreError) -> String? {
        let backoff = TimeInterval(3600)
        let failures = try ledger.recordTemporaryFailure(record, reply: reply, retryAfter: now.addingTimeInterval(backoff), at: now)
        if failures >= options.temporaryFailureLimit {
            try ledger.recordBounced(record, reply: "gave up after \(failures) temporary refusals; last: \(reply)", at: now)
            report.bounced += 1
            observe(.problem(message, "\(message.recipient) refused \(failures) times in a row (\(reply)): marked bounced"))
        } else {
            report.deferred += 1
            observe(.problem(message, "\(message.recipient) refused for now (\(reply)): retry in an hour "
                             + "(temporary refusal \(failures) of \(options.temporaryFailureLimit) before it counts as a bounce)"))
        }
        return nil
    }

    /// Why this prospect must not get this message now, if anything stands in the way.
    private func blocker(for prospect: Prospect, enrolment: Enrolment, entry: PlanEntry, suppressions: SuppressionList,
                         processed: Set<UInt32>) -> String? {
        if let pattern = suppressions.match(prospect.identity) { return "on the suppression list (\(pattern))" }
        do {
            guard let fresh = try ledger.freshState(of: prospect.id) else { return "no longer in the store" }
            guard fresh.state == .active || fresh.state == .snoozed else { return "now \(fresh.state.rawValue)" }
            guard fresh.attempts == entry.attempt - 1 else { return "its progress changed since the plan was made" }
        } catch {
            return "its state cannot be read: \(error)"
        }
        // The last check before a follow-up: did the prospect write since our last message?
        if let witness, let last = enrolment.lastSentAt {
            do {
                let waiting = try witness.messages(from: prospect.identity, since: last).filter { !processed.contains($0) }
                if !waiting.isEmpty { return "a reply from them is waiting in the mailbox; run `followup poll`" }
            } catch {
                return "the mailbox cannot be checked for a reply (\(error)); not sending a follow-up blind"
            }
        }
        return nil
    }
}
