import FollowUp
import Foundation
import MailTransport

/// The engine's `ReplyMailbox` over IMAP: STATUS first, SELECT and SEARCH only when mail arrived.
final class IMAPReplyMailbox: ReplyMailbox {
    private let mailbox: IMAPMailbox

    init(mailbox: IMAPMailbox) {
        self.mailbox = mailbox
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
        try mailbox.fetch(uids: uids).map { ($0.uid, $0.bytes) }
    }
}
