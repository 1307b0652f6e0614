import Foundation
import MailTransport
import TestSupport
import Testing

/// Sends through the real Postfix on loopback and reads the result back through the real Dovecot.
@Suite("SMTP against the loopback Postfix", .enabled(if: MailRig.isUsable), .serialized)
struct SMTPIntegrationTests {
    /// Waits until a message with `id` is in the prospect's INBOX, then returns it.
    func delivered(_ id: String, to user: String = MailRig.prospect) throws -> FetchedMessage {
        let mailbox = try IMAPMailbox(server: MailRig.imap(user: user), mailbox: "INBOX")
        guard let uid = try mailbox.awaitMessage(messageID: id), let found = try mailbox.fetch(uids: [uid]).first else {
            throw RigTimeout(what: "message \(id) in \(user)'s INBOX")
        }
        return found
    }

    @Test("delivers byte for byte over each TLS mode", arguments: [
        ("smtp", MailRig.smtpPlainPort, StartTLSPolicy.required),
        ("smtp", MailRig.smtpPlainPort, StartTLSPolicy.opportunistic),
        ("smtp", MailRig.submissionPort, StartTLSPolicy.required),
        ("smtps", MailRig.smtpsPort, StartTLSPolicy.required),
    ])
    func deliversByteForByte(scheme: String, port: Int, startTLS: StartTLSPolicy) throws {
        let id = TestMessages.uniqueID("tls-\(scheme)-\(port)")
        let message = TestMessages.simple(from: MailRig.sales, to: MailRig.prospect, id: id)
        let sender = try SMTPSender(server: MailRig.smtp(scheme: scheme, port: port, startTLS: startTLS), heloName: "client.example.test")
        let result = sender.send(envelopeFrom: MailRig.sales, recipients: [MailRig.prospect], message: message)
        guard case .accepted(let reply) = result else {
            Issue.record("expected acceptance, got \(result)")
            return
        }
        #expect(reply.code == 250)
        let stored = try delivered(id)
        // Postfix and Dovecot prepend trace headers (Return-Path, Received, Delivered-To); the rest is ours.
        #expect(stored.bytes.count > message.count)
        #expect(Array(stored.bytes.suffix(message.count)) == message)
    }

    @Test("200 messages go over one connection")
    func manyMessagesOneConnection() throws {
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.submissionPort), heloName: "client.example.test")
        for index in 0..<200 {
            let id = TestMessages.uniqueID("bulk-\(index)")
            let message = TestMessages.simple(from: MailRig.sales, to: "bench@example.test", id: id)
            let result = sender.send(envelopeFrom: MailRig.sales, recipients: ["bench@example.test"], message: message)
            guard case .accepted = result else {
                Issue.record("message \(index): \(result)")
                return
            }
        }
        #expect(sender.connectionsOpened == 1)
    }

    @Test("a wrong password fails authentication, names user and host, and never shows the password")
    func wrongPassword() throws {
        let lines = LineCollector()
        let wrong = "not-the-password-42"
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.submissionPort, password: wrong),
                                    heloName: "client.example.test", observer: { lines.append($0.description) })
        do {
            try sender.verify()
            Issue.record("verify succeeded with a wrong password")
        } catch {
            #expect(error.kind == .authenticationFailed)
            #expect(error.description.contains("authentication failed for sales@example.test at 127.0.0.1"))
            #expect(!error.description.contains(wrong))
        }
        let base64Forms = [wrong, Data(wrong.utf8).base64EncodedString(), Data("\0sales@example.test\0\(wrong)".utf8).base64EncodedString()]
        let transcript = lines.all.joined(separator: "\n")
        #expect(transcript.contains("AUTH"))
        for form in base64Forms { #expect(!transcript.contains(form)) }
    }

    @Test("the right password verifies")
    func rightPasswordVerifies() throws {
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.submissionPort), heloName: "client.example.test")
        try sender.verify()
        #expect(sender.connectionsOpened == 1)
    }

    @Test("a certificate from another authority is refused")
    func wrongCertificateAuthority() throws {
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.submissionPort, caFile: MailRig.otherCAFile), heloName: "client.example.test")
        let error = #expect(throws: MailTransportError.self) { try sender.verify() }
        #expect(error?.kind == .tlsVerificationFailed)
        let smtps = try SMTPSender(server: MailRig.smtp(scheme: "smtps", port: MailRig.smtpsPort, caFile: MailRig.otherCAFile), heloName: "client.example.test")
        let result = smtps.send(envelopeFrom: MailRig.sales, recipients: [MailRig.prospect],
                                message: TestMessages.simple(from: MailRig.sales, to: MailRig.prospect, id: TestMessages.uniqueID()))
        guard case .notSent(let sendError) = result else {
            Issue.record("expected notSent, got \(result)")
            return
        }
        #expect(sendError.kind == .tlsVerificationFailed)
    }

    @Test("STARTTLS required is never downgraded when the server does not offer it")
    func startTLSRequiredWithoutOffer() throws {
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.smtpNoTLSPort, user: nil), heloName: "client.example.test")
        let result = sender.send(envelopeFrom: MailRig.sales, recipients: [MailRig.prospect],
                                 message: TestMessages.simple(from: MailRig.sales, to: MailRig.prospect, id: TestMessages.uniqueID()))
        guard case .notSent(let error) = result else {
            Issue.record("expected notSent, got \(result)")
            return
        }
        #expect(error.kind == .startTLSUnavailable)
    }

    @Test("an unknown recipient is refused at RCPT with a permanent reply")
    func unknownRecipient() throws {
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.submissionPort), heloName: "client.example.test")
        let result = sender.send(envelopeFrom: MailRig.sales, recipients: ["nobody@example.test"],
                                 message: TestMessages.simple(from: MailRig.sales, to: "nobody@example.test", id: TestMessages.uniqueID()))
        guard case .refused(let stage, let reply) = result else {
            Issue.record("expected refusal, got \(result)")
            return
        }
        #expect(stage == .recipient("nobody@example.test"))
        #expect(reply.isPermanent)
        #expect(reply.enhancedStatus?.hasPrefix("5.") == true)
        // The same sender still works afterwards.
        let id = TestMessages.uniqueID("after-refusal")
        let next = sender.send(envelopeFrom: MailRig.sales, recipients: [MailRig.prospect],
                               message: TestMessages.simple(from: MailRig.sales, to: MailRig.prospect, id: id))
        guard case .accepted = next else {
            Issue.record("expected acceptance after a refusal, got \(next)")
            return
        }
    }

    @Test("a refused connection fails fast with a clear error")
    func connectionRefused() throws {
        let port = Loopback.closedPort()
        let sender = try SMTPSender(server: MailRig.smtp(port: port, connectTimeout: 2), heloName: "client.example.test")
        let started = Date()
        let result = sender.send(envelopeFrom: MailRig.sales, recipients: [MailRig.prospect],
                                 message: TestMessages.simple(from: MailRig.sales, to: MailRig.prospect, id: TestMessages.uniqueID()))
        guard case .notSent(let error) = result else {
            Issue.record("expected notSent, got \(result)")
            return
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.description.hasPrefix("cannot connect to 127.0.0.1"))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("a server that never greets times out within the configured limit")
    func silentServerTimesOut() throws {
        let listener = try #require(Loopback.SilentListener())
        let sender = try SMTPSender(server: MailRig.smtp(port: listener.port, connectTimeout: 2, operationTimeout: 3), heloName: "client.example.test")
        let started = Date()
        let result = sender.send(envelopeFrom: MailRig.sales, recipients: [MailRig.prospect],
                                 message: TestMessages.simple(from: MailRig.sales, to: MailRig.prospect, id: TestMessages.uniqueID()))
        guard case .notSent(let error) = result else {
            Issue.record("expected notSent, got \(result)")
            return
        }
        #expect(error.kind == .timedOut)
        #expect(Date().timeIntervalSince(started) < 8)
    }
}

/// Waiting for the rig took too long.
struct RigTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Collects transcript lines from a libcurl callback (one thread at a time, hence the lock).
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
