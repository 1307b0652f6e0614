public import Foundation
import MailCore
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
    /// The header fields named in `fields` (and, if the mailbox cannot pick fields, more) of the
    /// messages with these UIDs, as header blocks, handed to `each` a group at a time as they
    /// arrive: what a poll reads of every message before it fetches the few that may concern it
    /// whole. An error thrown by `each` ends the fetch and is rethrown.
    func fetchHeaders(_ fields: [String], uids: [UInt32], each: ([(uid: UInt32, bytes: [UInt8])]) throws -> Void) throws
    /// Moves these witness copies of our own messages, whose sending is settled, out of the way
    /// (into the sent mailbox, or one the user chose); never deletes them.
    func moveOwnCopies(uids: [UInt32]) throws
}

extension ReplyMailbox {
    /// A mailbox that keeps our own copies where they are.
    public func moveOwnCopies(uids: [UInt32]) throws {}

    /// A mailbox that cannot fetch header fields alone: the whole header block of each message,
    /// cut from the whole message, 250 messages at a time.
    public func fetchHeaders(_ fields: [String], uids: [UInt32], each: ([(uid: UInt32, bytes: [UInt8])]) throws -> Void) throws {
        var start = 0
        while start < uids.count {
            let group = Array(uids[start..<min(start + 250, uids.count)])
            start += group.count
            try each(try fetch(uids: group).map { ($0.uid, Array($0.bytes[..<MessageReader.headerEnd($0.bytes)])) })
        }
    }
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
    /// Which of `messageIDs` (bare, without angle brackets) are Message-IDs we sent, and which of
    /// `identities` (lowercased addresses) are prospects: one look-up for a whole batch of
    /// messages, which a poll makes before it looks closer at the few that concern a prospect.
    func known(messageIDs: Set<String>, identities: Set<String>) throws(StoreError) -> (messageIDs: Set<String>, identities: Set<String>)
    /// Runs `body`, which only reads, against one snapshot of the store: many small reads for
    /// the price of one (a poll screens thousands of messages this way).
    func reading<T>(_ body: () throws -> T) throws -> T
}

extension ReplyLedger {
    /// `known` for a ledger without a look-up of many at once: one question per id and address.
    public func known(messageIDs: Set<String>, identities: Set<String>) throws(StoreError) -> (messageIDs: Set<String>, identities: Set<String>) {
        var sent = Set<String>()
        for id in messageIDs where try prospect(sentMessageID: id) != nil { sent.insert(id) }
        var prospects = Set<String>()
        for identity in identities where try prospect(identity: identity) != nil { prospects.insert(identity) }
        return (sent, prospects)
    }

    /// A ledger whose reads need no snapshot: `body` runs as it is.
    public func reading<T>(_ body: () throws -> T) throws -> T { try body() }
}
