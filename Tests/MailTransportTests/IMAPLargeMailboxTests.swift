import Foundation
import MailTransport
import TestSupport
import Testing

/// Searches in a mailbox of thousands of messages bring back every one: libcurl 7.88 loses part
/// of a long SEARCH answer, which once hid most of a large INBOX from the first poll.
@Suite("IMAP search in a large mailbox", .enabled(if: MailRig.isUsable))
struct IMAPLargeMailboxTests {
    @Test("every UID of 4,000 messages, by date and from a UID")
    func everyUID() throws {
        let name = "large-\(UUID().uuidString.prefix(8))"
        let server = MailRig.imap(user: MailRig.prospect)
        let appender = try IMAPMailbox(server: server, mailbox: "INBOX")
        // The first message goes in through the INBOX, and a move creates the mailbox.
        let first = "From: <a@example.net>\r\nTo: <b@example.net>\r\nSubject: 0\r\nMessage-ID: <large-0-\(name)@example.test>\r\n\r\nx\r\n"
        _ = try appender.append(Array(first.utf8), to: "INBOX")
        try appender.move(uids: try appender.uids(header: "Message-ID", contains: "<large-0-\(name)@example.test>"), to: name)
        for index in 1..<4_000 {
            let message = "From: <a@example.net>\r\nTo: <b@example.net>\r\nSubject: \(index)\r\nMessage-ID: <large-\(index)@example.test>\r\n\r\nx\r\n"
            _ = try appender.append(Array(message.utf8), to: name)
        }
        let mailbox = try IMAPMailbox(server: server, mailbox: name)
        #expect(try mailbox.status().messages == 4_000)
        #expect(try mailbox.uids(since: Date(timeIntervalSince1970: 1_700_000_000)).count == 4_000)
        let all = try mailbox.uids(from: 1)
        #expect(all.count == 4_000)
        let tail = try mailbox.uids(from: try #require(all.dropFirst(3_500).first))
        #expect(tail.count == 500)
    }
}
