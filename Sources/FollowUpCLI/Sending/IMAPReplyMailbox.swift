import FollowUp
import Foundation
import MailTransport

/// The engine's `ReplyMailbox` over IMAP: STATUS first, SELECT and SEARCH only when mail arrived.
final class IMAPReplyMailbox: ReplyMailbox {
    private let mailbox: IMAPMailbox
    /// Where settled witness copies go; nil keeps them.
    private let witnessMailbox: String?

    /// The most of one message that a poll reads (2 MiB): headers, the words people write and the
    /// report of a bounce come first; a huge attachment after them is not needed to triage.
    static let maxBytesPerMessage = 2 << 20

    init(mailbox: IMAPMailbox, witnessMailbox: String? = nil) {
        self.mailbox = mailbox
        self.witnessMailbox = witnessMailbox
    }

    func moveOwnCopies(uids: [UInt32]) throws {
        guard let witnessMailbox else { return }
        try mailbox.move(uids: uids, to: witnessMailbox)
    }

    var name: String { mailbox.mailbox }

    func validityAndNextUID() throws -> (uidValidity: UInt32, uidNext: UInt32) {
        let status = try mailbox.status()
        return (status.uidValidity, status.uidNext)
    }

    func uids(from first: UInt32) throws -> [UInt32] {
        try mailbox.uids(from: first)
    }

    func uids(arrivedSince date: Date) throws -> [UInt32] {
        try mailbox.uids(since: date)
    }

    func fetch(uids: [UInt32]) throws -> [(uid: UInt32, bytes: [UInt8])] {
        try mailbox.fetch(uids: uids, maxBytesPerMessage: Self.maxBytesPerMessage).map { ($0.uid, $0.bytes) }
    }

    func fetchHeaders(_ fields: [String], uids: [UInt32], each: ([(uid: UInt32, bytes: [UInt8])]) throws -> Void) throws {
        // The first error of `each` stops the work on later groups; the fetch itself runs to its
        // end so that the session stays in step, then the error goes up.
        var failure: (any Error)?
        try mailbox.fetchHeaders(fields, uids: uids) { group in
            guard failure == nil else { return }
            do { try each(group.map { ($0.uid, $0.bytes) }) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
