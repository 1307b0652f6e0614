import FollowUp
import Foundation
import MailTransport

/// The engine's `MailboxWitness`, over the IMAP mailbox where replies and witness copies arrive.
final class IMAPWitness: MailboxWitness {
    private let mailbox: IMAPMailbox

    init(mailbox: IMAPMailbox) {
        self.mailbox = mailbox
    }

    func contains(messageID: String) throws -> Bool {
        !(try mailbox.uids(header: "Message-ID", contains: "<\(messageID)>")).isEmpty
    }

    func messages(from address: String, since date: Date) throws -> [UInt32] {
        try mailbox.uids(from: address, since: date)
    }
}
