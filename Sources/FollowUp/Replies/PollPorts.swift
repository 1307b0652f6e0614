public import Foundation
public import Triage

/// The mailbox `poll` reads (IMAP in production). Reading never marks anything as read.
public protocol ReplyMailbox: AnyObject {
    /// The mailbox's name (cursors are kept per name).
    var name: String { get }
    /// UID validity and the next UID, cheaply (without selecting the mailbox).
    func validityAndNextUID() throws -> (uidValidity: UInt32, uidNext: UInt32)
    /// UIDs at or above `first`.
    func uids(from first: UInt32) throws -> [UInt32]
    /// UIDs of messages that arrived on or after the day of `date`.
    func uids(arrivedSince date: Date) throws -> [UInt32]
    /// The raw messages with these UIDs.
    func fetch(uids: [UInt32]) throws -> [(uid: UInt32, bytes: [UInt8])]
    /// Moves these witness copies of our own messages, whose sending is settled, out of the way
    /// (into the sent mailbox, or one the user chose); never deletes them.
    func moveOwnCopies(uids: [UInt32]) throws
}

extension ReplyMailbox {
    /// A mailbox that keeps our own copies where they are.
    public func moveOwnCopies(uids: [UInt32]) throws {}
}

/// A reply as `poll` records it, whether or not it changed anything.
public struct ProcessedReply: Sendable, Equatable {
    /// The mailbox it was read from.
    public var mailbox: String
    /// The mailbox's UID validity when it was read.
    public var uidValidity: UInt32
    /// Its UID in the mailbox.
    public var uid: UInt32
    /// Its Message-ID, when it has one.
    public var messageID: String?
    /// The From address, lowercased.
    public var sender: String?
    /// Its Date header.
    public var receivedAt: Date?
    /// What sort of message it is.
    public var kind: MessageKind
    /// For a person's reply: what the person wants.
    public var intent: ReplyIntent?
    /// Why the classifier decided as it did, one reason per line.
    public var explanation: [String]
    /// The subject line.
    public var subject: String?
    /// What the person wrote, without the quoted original and signature (at most `textLimit` characters).
    public var text: String?
    /// How many non-empty lines of the body were quoted text or signature, left out of `text`.
    public var foldedLines: Int
    /// For a bounce, its cause (`BounceCause` raw value).
    public var bounceCause: String?

    /// The most of a reply's own text that is kept.
    public static let textLimit = 8_000

    /// Creates a record.
    public init(mailbox: String, uidValidity: UInt32, uid: UInt32, messageID: String?, sender: String?, receivedAt: Date?,
                kind: MessageKind, intent: ReplyIntent?, explanation: [String], subject: String? = nil, text: String? = nil, foldedLines: Int = 0,
                bounceCause: String? = nil) {
        self.bounceCause = bounceCause
        self.subject = subject
        self.text = text.map { String($0.prefix(Self.textLimit)) }
        self.foldedLines = foldedLines
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.uid = uid
        self.messageID = messageID
        self.sender = sender
        self.receivedAt = receivedAt
        self.kind = kind
        self.intent = intent
        self.explanation = explanation
    }
}

/// What `poll` needs from the store. `recordReply` is one transaction: the reply, the state
/// change, the suppression and the event all land together or not at all.
public protocol ReplyLedger: AnyObject {
    /// The saved UID cursor of `mailbox`.
    func cursor(for mailbox: String) throws(StoreError) -> (uidValidity: UInt32, nextUID: UInt32)?
    /// Saves the UID cursor of `mailbox`.
    func saveCursor(for mailbox: String, uidValidity: UInt32, nextUID: UInt32) throws(StoreError)
    /// True when this exact message (by UID, or by Message-ID after a UID validity change) was processed.
    func wasProcessed(mailbox: String, uidValidity: UInt32, uid: UInt32, messageID: String?) throws(StoreError) -> Bool
    /// The prospect we sent this Message-ID to, if it is one of ours.
    func prospect(sentMessageID: String) throws(StoreError) -> Prospect?
    /// The prospect with this address, if any.
    func prospect(identity: String) throws(StoreError) -> Prospect?
    /// True when the message with this Message-ID is settled as sent (accepted by the server, or
    /// confirmed): its witness copy has served and may leave the mailbox.
    func isSettled(sentMessageID: String) throws(StoreError) -> Bool
    /// When we first sent anything (nothing before it can be a reply).
    func earliestSend() throws(StoreError) -> Date?
    /// Temporary bounces recorded for the prospect so far.
    func temporaryBounces(prospectID: Int64) throws(StoreError) -> Int
    /// When the first temporary bounce recorded for the prospect arrived, if any.
    func firstTemporaryBounce(prospectID: Int64) throws(StoreError) -> Date?
    /// Records the reply and applies the outcome to the prospect (when there is one), stamped `date`.
    func recordReply(_ reply: ProcessedReply, prospectID: Int64?, outcome: ReplyOutcome, at date: Date) throws(StoreError)
}
