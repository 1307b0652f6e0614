import Foundation
import MailTransport
import TestSupport
import Testing

/// Reads the real Dovecot INBOX: status, UID cursors, fetching without `\Seen`, APPEND.
@Suite("IMAP against the loopback Dovecot", .enabled(if: MailRig.isUsable), .serialized)
struct IMAPIntegrationTests {
    /// Delivers a message to `user` through Postfix (no auth: loopback may relay) and returns its id.
    func deliver(to user: String = "prospect+imap@example.test", subject: String = "Test") throws -> (String, [UInt8]) {
        let id = TestMessages.uniqueID("imap")
        let message = TestMessages.simple(from: MailRig.sales, to: user, id: id, subject: subject)
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.smtpPlainPort, user: nil), heloName: "client.example.test")
        let result = sender.send(envelopeFrom: MailRig.sales, recipients: [user], message: message)
        guard case .accepted = result else { throw RigTimeout(what: "delivery accepted (\(result))") }
        return (id, message)
    }

    func waitForUID(_ mailbox: IMAPMailbox, id: String) throws -> UInt32 {
        guard let found = try mailbox.awaitMessage(messageID: id) else { throw RigTimeout(what: "message \(id)") }
        return found
    }

    @Test("fetching a message returns its bytes and leaves it unread", arguments: [
        ("imaps", MailRig.imapsPort), ("imap", MailRig.imapPort),
    ])
    func fetchLeavesUnread(scheme: String, port: Int) throws {
        let (id, message) = try deliver()
        let mailbox = try IMAPMailbox(server: MailRig.imap(scheme: scheme, port: port), mailbox: "INBOX")
        let uid = try waitForUID(mailbox, id: id)
        let fetched = try #require(try mailbox.fetch(uids: [uid]).first)
        #expect(fetched.uid == uid)
        #expect(Array(fetched.bytes.suffix(message.count)) == message)
        #expect(!fetched.flags.contains("\\Seen"))
        // A second, fresh session agrees: still unseen.
        let again = try IMAPMailbox(server: MailRig.imap(scheme: scheme, port: port), mailbox: "INBOX")
        let flags = try again.flags(uids: [uid])
        #expect(flags[uid] != nil)
        #expect(flags[uid]?.contains("\\Seen") == false)
    }

    @Test("a UID cursor sees exactly the messages that arrived after it")
    func uidCursorAcrossPolls() throws {
        // The rig's `cursor` user receives mail from this test only, so counts are exact (the suites
        // that APPEND test messages use `appender`).
        func deliver() throws -> (String, [UInt8]) { try self.deliver(to: "cursor@example.test") }
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: "cursor@example.test"), mailbox: "INBOX")
        // Postfix delivers asynchronously: wait until this message is in the mailbox, or it could
        // land after the status below and look like a message that arrived after the cursor.
        let (settled, _) = try deliver()
        _ = try waitForUID(mailbox, id: settled)
        let before = try mailbox.status()
        #expect(try mailbox.uids(from: before.uidNext).isEmpty)
        let (first, _) = try deliver()
        let (second, _) = try deliver()
        let firstUID = try waitForUID(mailbox, id: first)
        let secondUID = try waitForUID(mailbox, id: second)
        let after = try mailbox.status()
        #expect(after.uidValidity == before.uidValidity)
        #expect(after.uidNext > before.uidNext)
        let fresh = try mailbox.uids(from: before.uidNext)
        #expect(fresh.contains(firstUID) && fresh.contains(secondUID))
        #expect(fresh.allSatisfy { $0 >= before.uidNext })
        #expect(try mailbox.uids(from: after.uidNext).isEmpty)
        // Fetching a batch returns both messages in one go.
        let fetched = try mailbox.fetch(uids: fresh)
        #expect(Set(fetched.map(\.uid)) == Set(fresh))
    }

    @Test("APPEND stores a copy in Sent, and can leave it unseen")
    func appendToSent() throws {
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "Sent")
        let before = try mailbox.status()
        let id = TestMessages.uniqueID("sent")
        let message = TestMessages.simple(from: MailRig.sales, to: MailRig.prospect, id: id)
        let uid = try #require(try mailbox.append(message, to: "Sent", seen: false))
        let after = try mailbox.status()
        #expect(after.messages == before.messages + 1)
        let fetched = try #require(try mailbox.fetch(uids: [uid]).first)
        #expect(fetched.bytes == message)
        #expect(!fetched.flags.contains("\\Seen"))
        #expect(try mailbox.uids(header: "Message-ID", contains: id) == [uid])
    }

    @Test("a wrong password, an unknown mailbox and an untrusted certificate each fail clearly")
    func failures() throws {
        let wrongPassword = try IMAPMailbox(server: MailRig.imap(password: "wrong-secret-99"), mailbox: "INBOX")
        let authError = #expect(throws: MailTransportError.self) { try wrongPassword.verify() }
        #expect(authError?.kind == .authenticationFailed)
        #expect(authError?.description.contains("authentication failed for prospect@example.test at 127.0.0.1") == true)
        #expect(authError?.description.contains("wrong-secret-99") == false)

        let missing = try IMAPMailbox(server: MailRig.imap(), mailbox: "No Such Folder")
        let missingError = #expect(throws: MailTransportError.self) { try missing.verify() }
        #expect(missingError?.kind == .mailboxNotFound)
        #expect(missingError?.description.contains("No Such Folder") == true)

        let otherCA = try IMAPMailbox(server: MailRig.imap(caFile: MailRig.otherCAFile), mailbox: "INBOX")
        let caError = #expect(throws: MailTransportError.self) { try otherCA.verify() }
        #expect(caError?.kind == .tlsVerificationFailed)

        // 127.0.0.2 reaches the same server, but the certificate does not name it.
        let wrongHost = try IMAPMailbox(server: MailRig.imap(host: "127.0.0.2"), mailbox: "INBOX")
        let hostError = #expect(throws: MailTransportError.self) { try wrongHost.verify() }
        #expect(hostError?.kind == .tlsVerificationFailed)
    }

    @Test("an unreachable server fails within the connect timeout")
    func unreachable() throws {
        let mailbox = try IMAPMailbox(server: MailRig.imap(scheme: "imap", port: Loopback.closedPort(), connectTimeout: 2), mailbox: "INBOX")
        let started = Date()
        let error = #expect(throws: MailTransportError.self) { try mailbox.status() }
        #expect(error?.kind == .connectionFailed)
        #expect(Date().timeIntervalSince(started) < 5)
    }
}

@Suite("IMAP fetch of large messages", .enabled(if: MailRig.isUsable), .serialized)
struct IMAPLargeFetchTests {
    @Test("messages far above 300 KB (once libcurl's limit for one answer) arrive whole, unread, alone and in a batch")
    func largeMessages() throws {
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        let line = String(repeating: "0123456789abcdef", count: 4) + "\r\n"
        var appended: [UInt32: [UInt8]] = [:]
        for (index, lines) in [11_000, 9_000, 100, 2_000].enumerated() {
            let id = TestMessages.uniqueID("large-\(index)")
            let message = TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: id,
                                              body: String(repeating: line, count: lines))
            let uid = try #require(try mailbox.append(message, to: "INBOX", seen: false))
            appended[uid] = message
        }
        let fetched = try mailbox.fetch(uids: Array(appended.keys))
        #expect(fetched.count == 4)
        for message in fetched {
            #expect(message.bytes == appended[message.uid], "message \(message.uid) arrived whole")
            #expect(!message.flags.contains("\\Seen"))
        }
        #expect(try mailbox.flags(uids: Array(appended.keys)).values.allSatisfy { !$0.contains("\\Seen") })
        #expect(appended.values.map(\.count).max() ?? 0 > 600_000)

        // With a cap, a large message arrives cut at the cap: its first bytes, exactly.
        let capped = try mailbox.fetch(uids: Array(appended.keys), maxBytesPerMessage: 100_000)
        #expect(capped.count == 4)
        for message in capped {
            let whole = appended[message.uid] ?? []
            #expect(message.bytes == Array(whole.prefix(100_000)), "message \(message.uid): \(message.bytes.count) bytes")
        }
    }
}

/// A message can carry lines that look like a command's end (libcurl 7.88's own reader once ended
/// a command at such a line inside a literal); they must not end a response or lose a message.
@Suite("IMAP fetch of messages that mimic the protocol", .enabled(if: MailRig.isUsable), .serialized)
struct IMAPLookalikeTests {
    /// Lines such as `A007 OK FETCH completed` for the tags libcurl uses on a new connection.
    static func lookalikeLines(letters: [String], upTo last: Int) -> String {
        var text = ""
        for letter in letters {
            for number in 0...last { text += letter + String(format: "%03d", number) + " OK FETCH completed\r\n" }
        }
        return text
    }

    @Test("body lines that look like the command's end neither cut a fetch short nor lose the messages after it")
    func tagLookalikes() throws {
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        let bodies = [
            "Hello.\r\n" + Self.lookalikeLines(letters: ["A", "B", "C"], upTo: 60),  // small: fetched whole
            "Plain words only.\r\n",
            Self.lookalikeLines(letters: ["A"], upTo: 999) + String(repeating: "padding line\r\n", count: 2_000),  // fetched in parts
            "* 1 FETCH (UID 1 BODY[] {5}\r\nforged)\r\nA001 OK done\r\nB001 NO nope\r\n",
        ]
        var appended: [UInt32: [UInt8]] = [:]
        for (index, body) in bodies.enumerated() {
            let message = TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: TestMessages.uniqueID("lookalike-\(index)"), body: body)
            let uid = try #require(try mailbox.append(message, to: "INBOX", seen: false))
            appended[uid] = message
        }
        let fetched = try mailbox.fetch(uids: Array(appended.keys))
        #expect(fetched.count == bodies.count)
        for message in fetched {
            #expect(message.bytes == appended[message.uid], "message \(message.uid) arrived whole (\(message.bytes.count) of \(appended[message.uid]?.count ?? 0) bytes)")
        }
        // The session still works, and nothing became \Seen.
        let flags = try mailbox.flags(uids: Array(appended.keys))
        #expect(flags.count == bodies.count)
        #expect(flags.values.allSatisfy { !$0.contains("\\Seen") })
    }
}
