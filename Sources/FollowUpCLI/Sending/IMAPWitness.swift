import FollowUp
import Foundation
import MailTransport

/// The engine's `MailboxWitness`, over the IMAP mailbox where replies and witness copies arrive.
final class IMAPWitness: MailboxWitness {
    private let mailbox: IMAPMailbox
    /// Where a copy goes once it has confirmed its message; nil keeps it.
    private let witnessMailbox: String?

    init(mailbox: IMAPMailbox, witnessMailbox: String? = nil) {
        self.mailbox = mailbox
        self.witnessMailbox = witnessMailbox
    }

    func moveCopy(messageID: String) throws {
        guard let witnessMailbox else { return }
        try mailbox.move(uids: try mailbox.uids(header: "Message-ID", contains: "<\(messageID)>"), to: witnessMailbox)
    }

    func contains(messageID: String) throws -> Bool {
        !(try mailbox.uids(header: "Message-ID", contains: "<\(messageID)>")).isEmpty
    }

    func messages(from address: String, since date: Date) throws -> [UInt32] {
        try mailbox.uids(from: address, since: date)
    }
}
