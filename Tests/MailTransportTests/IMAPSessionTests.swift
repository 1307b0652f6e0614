import FaultProxy
import Foundation
import MailTransport
import TestSupport
import Testing

/// Our own IMAP session over libcurl's signed-in connection, against the real Dovecot.
@Suite("IMAP session of our own", .enabled(if: MailRig.isUsable), .serialized)
struct IMAPSessionTests {
    /// Messages whose bodies look like IMAP: tagged completions with our tags, `* BYE`, literal announcements.
    static let lookalikeBodies = [
        "F1 OK done\r\nF2 OK done\r\nF3 OK done\r\nF4 OK done\r\n* BYE fake\r\n",
        "ends in {12}\r\n",
        "* 1 FETCH (UID 1 BODY[] {5}\r\nforged)\r\nF5 NO nope\r\n",
    ]

    /// Appends the bodies unread to `user`'s INBOX; their UIDs and bytes.
    func appendLookalikes(_ mailbox: IMAPMailbox, user: String) throws -> [UInt32: [UInt8]] {
        var appended: [UInt32: [UInt8]] = [:]
        for (index, body) in Self.lookalikeBodies.enumerated() {
            let message = TestMessages.simple(from: MailRig.sales, to: user, id: TestMessages.uniqueID("session-\(index)"), body: body)
            appended[try #require(try mailbox.append(message, to: "INBOX", seen: false))] = message
        }
        return appended
    }

    @Test("a server whose every byte arrives in its own packet is read the same", .timeLimit(.minutes(2)))
    func byteByByte() throws {
        let direct = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        let appended = try appendLookalikes(direct, user: MailRig.appender)
        let proxy = try FaultProxy(upstreamPort: MailRig.imapPort)
        defer { proxy.stop() }
        // Plain IMAP on loopback, so that the proxy cuts the IMAP bytes themselves, not TLS records.
        proxy.setRules([FaultRule(name: "trickle", trigger: .imapCommand("AUTHENTICATE"), action: .trickle)])
        let server = MailRig.imap(scheme: "imap", port: proxy.port, user: MailRig.appender, startTLS: .never)
        let trickled = try IMAPMailbox(server: server, mailbox: "INBOX")
        let uids = Array(appended.keys).sorted()
        let fetched = try trickled.fetch(uids: uids)
        #expect(proxy.firedRules == ["trickle"])
        #expect(fetched.map(\.uid) == uids)
        for message in fetched { #expect(message.bytes == appended[message.uid], "message \(message.uid) arrived whole") }
        // Other suites append to the same INBOX meanwhile: ours are among the UIDs, theirs may be too.
        #expect(Set(uids).isSubset(of: try trickled.uids(from: uids[0])))
        #expect(try trickled.status().uidValidity == (try direct.status().uidValidity))
        #expect(try trickled.flags(uids: uids).values.allSatisfy { !$0.contains("\\Seen") })
        #expect(trickled.connectionsOpened == 1, "one session served every call")
    }

    @Test("many messages are fetched over one connection, in pipelined commands")
    func pipelinedFetch() throws {
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        var appended: [UInt32: [UInt8]] = [:]
        for index in 0..<120 {
            let body = String(repeating: "line \(index) of a reply\r\n", count: 1 + index % 7)
            let message = TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: TestMessages.uniqueID("pipe-\(index)"), body: body)
            appended[try #require(try mailbox.append(message, to: "INBOX", seen: false))] = message
        }
        let fetched = try mailbox.fetch(uids: Array(appended.keys) + [4_000_000_000], batchSize: 7)
        #expect(fetched.count == 120, "a UID that does not exist is skipped")
        #expect(fetched.allSatisfy { appended[$0.uid] == $0.bytes })
        #expect(mailbox.connectionsOpened == 1)
    }

    @Test("header fields come without bodies, in groups handed over as their commands complete")
    func headerFieldsInGroups() throws {
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        var appended: [UInt32: [UInt8]] = [:]
        for index in 0..<25 {
            let message = TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: TestMessages.uniqueID("fields-\(index)"),
                                              body: "BODY-MARKER \(index)\r\n")
            appended[try #require(try mailbox.append(message, to: "INBOX", seen: false))] = message
        }
        var groups: [[FetchedMessage]] = []
        try mailbox.fetchHeaders(["From", "Message-ID", "X-Not-There"], uids: Array(appended.keys) + [4_000_000_000], batchSize: 10) {
            groups.append($0)
        }
        // Dovecot works on up to four pipelined commands at once and completes them together, so a
        // group may hold several commands' worth; every message comes once, in one of them.
        #expect(groups.allSatisfy { !$0.isEmpty })
        #expect(groups.joined().map(\.uid).sorted() == appended.keys.sorted(), "each message once; a UID that does not exist is skipped")
        for fetched in groups.joined() {
            let text = String(decoding: fetched.bytes, as: UTF8.self)
            let original = String(decoding: try #require(appended[fetched.uid]), as: UTF8.self)
            #expect(text.hasPrefix("From: ") && text.contains("Message-ID: ") && text.hasSuffix("\r\n\r\n"))
            #expect(!text.contains("BODY-MARKER") && !text.contains("Subject:"), "only the fields asked for")
            #expect(original.contains(text.components(separatedBy: "\r\n").first ?? "?"))
        }
        #expect(try mailbox.flags(uids: Array(appended.keys)).values.allSatisfy { !$0.contains("\\Seen") })
        #expect(mailbox.connectionsOpened == 1)
    }

    @Test("a message larger than the limit arrives cut at the limit, and only that much is read")
    func partialFetch() throws {
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        let body = String(repeating: "0123456789abcdef\r\n", count: 20_000)
        let message = TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: TestMessages.uniqueID("partial"), body: body)
        let uid = try #require(try mailbox.append(message, to: "INBOX", seen: false))
        let fetched = try #require(try mailbox.fetch(uids: [uid], maxBytesPerMessage: 10_000).first)
        #expect(fetched.bytes == Array(message.prefix(10_000)))
        let whole = try #require(try mailbox.fetch(uids: [uid]).first)
        #expect(whole.bytes == message)
    }

    @Test("IDLE returns as soon as a message arrives, and times out quietly when nothing comes", .timeLimit(.minutes(1)))
    func idle() throws {
        // A mailbox of its own: other suites add to the shared INBOX at any moment.
        let name = try Self.privateMailbox(of: MailRig.appender)
        let watcher = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: name)
        _ = try watcher.uids(from: UInt32.max)  // select, as `run` does before it waits
        var started = Date()
        #expect(try watcher.waitForNews(seconds: 0.5) == false, "nothing arrived")
        #expect(Date().timeIntervalSince(started) >= 0.45)
        let id = TestMessages.uniqueID("idle")
        let writer = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        started = Date()
        _ = try writer.append(TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: id, body: "Not interested.\r\n"), to: name, seen: false)
        #expect(try watcher.waitForNews(seconds: 20) == true)
        #expect(Date().timeIntervalSince(started) < 10, "the news came as the message arrived, not at the end of the wait")
        #expect(try watcher.uids(header: "Message-ID", contains: id).count == 1)
    }

    /// A new mailbox of `user`'s that no other test touches (made by moving a seed message into it).
    static func privateMailbox(of user: String) throws -> String {
        let name = "private-\(UUID().uuidString.prefix(8))"
        let inbox = try IMAPMailbox(server: MailRig.imap(user: user), mailbox: "INBOX")
        let seed = TestMessages.simple(from: MailRig.sales, to: user, id: TestMessages.uniqueID("seed"), body: "seed\r\n")
        let uid = try #require(try inbox.append(seed, to: "INBOX", seen: true), "the server reports the seed's UID")
        try inbox.move(uids: [uid], to: name)
        return name
    }
}

/// Servers without the extensions Dovecot has: the session falls back to what RFC 3501 offers.
/// The proxy answers our CAPABILITY command itself, with only what the test allows.
@Suite("IMAP session on a server without IDLE or MOVE", .enabled(if: MailRig.isUsable), .serialized)
struct IMAPFallbackTests {
    /// A mailbox reached through a proxy whose answer to our own CAPABILITY (the second on the
    /// connection: libcurl asks first, to sign in) lists only `capabilities`.
    func mailbox(capabilities: String, proxy: FaultProxy, name: String = "INBOX") throws -> IMAPMailbox {
        proxy.setRules([FaultRule(name: "capabilities", trigger: .imapCommand("CAPABILITY", occurrence: 2),
                                  action: .reply("OK [CAPABILITY \(capabilities)] Capability completed"))])
        let server = MailRig.imap(scheme: "imap", port: proxy.port, user: MailRig.appender, startTLS: .never)
        return try IMAPMailbox(server: server, mailbox: name)
    }

    @Test("without IDLE, a wait for news asks with NOOP on the kept session and still hears of a delivery", .timeLimit(.minutes(1)))
    func noopInsteadOfIdle() throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.imapPort)
        defer { proxy.stop() }
        let name = try IMAPSessionTests.privateMailbox(of: MailRig.appender)
        let watcher = try mailbox(capabilities: "IMAP4rev1", proxy: proxy, name: name)
        _ = try watcher.uids(from: UInt32.max)
        #expect(try watcher.waitForNews(seconds: 1.5, noopInterval: 0.5) == false)
        let writer = try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: "INBOX")
        let id = TestMessages.uniqueID("noop")
        _ = try writer.append(TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: id, body: "No thanks.\r\n"), to: name, seen: false)
        #expect(try watcher.waitForNews(seconds: 10, noopInterval: 0.5) == true)
        #expect(proxy.firedRules == ["capabilities"])
        #expect(watcher.connectionsOpened == 1)
    }

    @Test("without MOVE, messages are copied, marked deleted and expunged by UID (UIDPLUS); nothing else is touched")
    func moveByCopy() throws {
        let proxy = try FaultProxy(upstreamPort: MailRig.imapPort)
        defer { proxy.stop() }
        let mailbox = try mailbox(capabilities: "IMAP4rev1 UIDPLUS", proxy: proxy)
        var uids: [UInt32] = []
        for index in 0..<3 {
            let message = TestMessages.simple(from: MailRig.sales, to: MailRig.appender, id: TestMessages.uniqueID("copy-\(index)"), body: "x\r\n")
            uids.append(try #require(try mailbox.append(message, to: "INBOX", seen: false)))
        }
        let target = "moved-\(UUID().uuidString.prefix(8))"
        try mailbox.move(uids: Array(uids.prefix(2)), to: target)
        #expect(proxy.firedRules == ["capabilities"])
        let left = try mailbox.flags(uids: uids)
        #expect(left.keys.sorted() == [uids[2]], "the two moved are gone, the third stays: \(left)")
        #expect(try IMAPMailbox(server: MailRig.imap(user: MailRig.appender), mailbox: target).status().messages == 2)
    }
}
