public import Foundation
import Dispatch

/// What the SMTP server did with one message, in the terms the send loop decides on.
public enum SubmissionResult: Sendable, Equatable {
    /// The server took the message; `reply` is its final answer.
    case accepted(reply: String)
    /// The server refused the prospect's address at RCPT; nothing was delivered.
    case recipientRefused(permanent: Bool, reply: String)
    /// The server refused the message itself (MAIL FROM, DATA or the content); nothing was delivered.
    case messageRefused(permanent: Bool, reply: String)
    /// Nothing was transmitted (no connection, TLS or login failure, a timeout before the data).
    case notSent(reason: String)
    /// The data went out but no verdict came back: the server may have accepted it.
    case unknown(reason: String)
}

/// Submits composed messages over SMTP. Implemented by the transport adapter; faked in tests.
public protocol MessageSubmitter: AnyObject {
    /// Sends `message` to its recipient, plus `witness` as an extra envelope recipient (never a
    /// header). `beforeData` runs once the server is ready for the message data, before any of it
    /// goes out; if it returns false the submission is abandoned and nothing is delivered.
    func submit(_ message: ComposedMessage, witness: String?, beforeData: @escaping () -> Bool) -> SubmissionResult
}

/// Answers from the sender's own mailbox: whether a message arrived there (the witness copy of
/// something we sent), and whether a prospect wrote since a date.
public protocol MailboxWitness: AnyObject {
    /// True when a message with this Message-ID is in the mailbox.
    func contains(messageID: String) throws -> Bool
    /// UIDs of messages from `address` that arrived on or after `date` (IMAP SINCE is by day).
    func messages(from address: String, since date: Date) throws -> [UInt32]
    /// Moves the witness copy of this message, whose sending it just confirmed, out of the way.
    func moveCopy(messageID: String) throws
}

extension MailboxWitness {
    /// A witness that keeps its copies where they are.
    public func moveCopy(messageID: String) throws {}
}

/// A message recorded as being sent whose outcome is not known (the process died, or the
/// connection dropped after the data went out).
public struct InDoubtMessage: Sendable, Equatable {
    /// The prospect's id.
    public var prospectID: Int64
    /// The Message-ID (without brackets).
    public var messageID: String
    /// The message number for this prospect.
    public var attempt: Int
    /// The sequence step.
    public var step: Int
    /// When it was planned to go out.
    public var plannedAt: Date
    /// The subject it was sent with.
    public var subject: String
    /// True once message data started to go out: only then may the server have accepted it.
    public var transmitting: Bool
    /// The prospect's address, for what the user reads ("" when unknown).
    public var recipient: String

    /// Creates a record.
    public init(prospectID: Int64, messageID: String, attempt: Int, step: Int, plannedAt: Date, subject: String, transmitting: Bool = false,
                recipient: String = "") {
        self.recipient = recipient
        self.prospectID = prospectID
        self.messageID = messageID
        self.attempt = attempt
        self.step = step
        self.plannedAt = plannedAt
        self.subject = subject
        self.transmitting = transmitting
    }
}

/// The durable record of sending. Every method is one transaction: after a crash the store
/// holds either the state before the call or after it.
public protocol SendLedger: AnyObject {
    /// Messages recorded as `sending` whose outcome is not known.
    func inDoubtMessages() throws(StoreError) -> [InDoubtMessage]
    /// The prospect's state and messages sent so far, read fresh, or nil when unknown.
    func freshState(of prospectID: Int64) throws(StoreError) -> (state: ProspectState, attempts: Int)?
    /// The suppression list as it is now.
    func suppressionList() throws(StoreError) -> SuppressionList
    /// UIDs of replies already processed (so a known reply does not block sending).
    func processedReplyUIDs() throws(StoreError) -> Set<UInt32>
    /// Records that `message` is about to be sent; false when that message number was already recorded.
    func recordIntent(_ message: ComposedMessage, prospectID: Int64, plannedAt: Date, at date: Date) throws(StoreError) -> Bool
    /// The message data is about to go out: from now on the server may accept it.
    func recordTransmitting(_ record: InDoubtMessage, at date: Date) throws(StoreError)
    /// The server accepted the message: it counts as sent, and the prospect moves to the next step.
    func recordAccepted(_ record: InDoubtMessage, reply: String, at date: Date) throws(StoreError)
    /// Nothing was transmitted: forget the intent so the same message can go out later.
    func recordNotSent(_ record: InDoubtMessage, reason: String, at date: Date) throws(StoreError)
    /// The server refused the prospect's address for good: the prospect is `bounced`.
    func recordBounced(_ record: InDoubtMessage, reply: String, at date: Date) throws(StoreError)
    /// A temporary refusal: retry after `retryAfter`; returns how many temporary failures in a row.
    func recordTemporaryFailure(_ record: InDoubtMessage, reply: String, retryAfter: Date, at date: Date) throws(StoreError) -> Int
    /// The outcome cannot be decided: keep the message `held` and the prospect `needs_review`.
    func holdForReview(_ record: InDoubtMessage, reason: String, at date: Date) throws(StoreError)
}

/// Time as it really passes, for waits on the world rather than on the plan (a witness copy on its
/// way through the mail server): the same with `--now`, and replaceable in tests so that nothing
/// really waits.
public protocol Stopwatch: AnyObject {
    /// Seconds since an arbitrary moment; never goes back, whatever the wall clock does.
    func elapsed() -> Double
    /// Waits `seconds`.
    func pause(seconds: Double)
}

/// The machine's monotonic clock and a real sleep.
public final class MonotonicStopwatch: Stopwatch {
    /// A stopwatch on the machine's monotonic clock.
    public init() {}

    /// Seconds on the monotonic clock.
    public func elapsed() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Sleeps `seconds` (nothing for zero or less).
    public func pause(seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
}

/// The clock of a send run: real (sleeps until each slot) or virtual (for `--now` and tests).
public protocol SendClock: AnyObject {
    /// The current time.
    func now() -> Date
    /// Waits until `date` (a virtual clock just moves to it).
    func wait(until date: Date)
}
