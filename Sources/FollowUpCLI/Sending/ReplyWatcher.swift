import FollowUp
import Foundation
import MailTransport

/// What `followup run` does between rounds when there is an [imap] section: one IMAP session
/// waits on the reply mailbox (`IDLE`), so that a reply is polled as soon as the server announces
/// it instead of at the next round. Each new session (the first, and each after a failure)
/// asks for one poll at once, for what arrived before it selected the mailbox.
///
/// A session that fails is dropped and opened again after a pause that doubles from 1 s up to
/// 5 minutes; each new session signs in afresh (a new password or access token from the config's
/// command). Each wait is renewed after at most 25 minutes, inside the 29 minutes after which
/// servers may end an idle session (RFC 2177).
final class ReplyWatcher {
    private let imap: IMAPSettings
    private let diagnostics: Diagnostics
    private var mailbox: IMAPMailbox?
    private var failures = 0
    private var retryAt = Date.distantPast

    /// The longest single wait in IDLE.
    static let longestWait: Double = 25 * 60

    /// A watcher for the configured reply mailbox; it connects on the first wait.
    init(imap: IMAPSettings, diagnostics: Diagnostics) {
        self.imap = imap
        self.diagnostics = diagnostics
    }

    /// Waits until `deadline`, a stop signal, or news in the mailbox; true when news came first.
    /// Failures are logged and retried with backoff, never thrown: the next round polls anyway.
    func waitForNews(until deadline: Date, stop: StopSignal) -> Bool {
        while !stop.isRequested && Date() < deadline {
            if Date() < retryAt {
                Thread.sleep(forTimeInterval: max(0.01, min(1, retryAt.timeIntervalSinceNow, deadline.timeIntervalSinceNow)))
                continue
            }
            do {
                guard let session = mailbox else {
                    // A new session hears only of what arrives after it selected the mailbox:
                    // what came since the last poll is for a poll now.
                    let opened = try open()
                    try opened.select()
                    mailbox = opened
                    return true
                }
                let news = try session.waitForNews(seconds: min(Self.longestWait, deadline.timeIntervalSinceNow)) { stop.isRequested }
                failures = 0
                if news { return true }
            } catch {
                mailbox = nil
                failures += 1
                let pause = min(300, pow(2, Double(min(failures - 1, 9))))
                retryAt = Date().addingTimeInterval(pause)
                diagnostics.logger.notice("waiting for replies: \(String(describing: error)); trying again in \(Int(pause)) s")
            }
        }
        return false
    }

    /// Ends the session, if one is open.
    func close() {
        mailbox?.close()
        mailbox = nil
    }

    private func open() throws -> IMAPMailbox {
        let server = try ServerCredentials.withPassword(imap.server, source: imap.passwordSource, section: "imap")
        return try IMAPMailbox(server: server, mailbox: imap.mailbox, observer: TranscriptLogging.observer(diagnostics))
    }
}
