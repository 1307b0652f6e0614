import FollowUp
import FollowUpStore
import Foundation
import MailTransport

/// Everything a send needs, loaded once: config, sequence, store, clock; and the run itself.
struct SendContext {
    let config: FollowUpConfig
    let sequence: LoadedSequence
    let store: SQLiteProspectStore
    let clock: any SendClock
    let diagnostics: Diagnostics
    let console = Console.current

    init(global: GlobalOptions) throws(CLIFailure) {
        config = try global.loadConfig()
        sequence = try SequenceLoader.load(config)
        diagnostics = global.diagnostics
        let fixed = global.now != nil || ProcessInfo.processInfo.environment["FOLLOWUP_NOW"] != nil
        let start = try global.clock()
        clock = fixed ? VirtualSendClock(start: start) : RealSendClock()
        store = try StoreAccess.open(config)
    }

    /// Settles earlier in-doubt messages, then sends what is due; holds the store's lock throughout.
    func sendDue(limit: Int?, stop: StopSignal) throws(CLIFailure) -> SendReport {
        guard let smtp = config.smtp else {
            throw CLIFailure(.invalidInput, "\(config.file): no [smtp] section; send needs one")
        }
        let lock = try ProcessLock(path: config.storePath + ".lock", purpose: "send")
        defer { withExtendedLifetime(lock) {} }
        let secret = try StoreAccess.secret(store)
        let witness = try makeWitness()
        if witness == nil && smtp.witnessAddress != nil {
            diagnostics.logger.notice("no [imap] section: a message whose outcome is unknown after a crash will be held for review")
        }
        let composer = MessageComposer(sender: config.senderIdentity, sequence: sequence, secret: secret)
        let submitter = LazySubmitter(renewing: {
            diagnostics.logger.notice("\($0)")
            smtp.passwordSource?.forgetRefusedToken()
        }) { () throws(CLIFailure) -> SMTPSender in
            let server = try ServerCredentials.withPassword(smtp.server, source: smtp.passwordSource, section: "smtp")
            do throws(MailTransportError) {
                return try SMTPSender(server: server, heloName: smtp.heloName, observer: TranscriptLogging.observer(diagnostics))
            } catch {
                throw CLIFailure(.failed, error.description)
            }
        }
        let progress = SendProgress(console: console, diagnostics: diagnostics, sentCopies: try sentCopyMailbox())
        let run = SendRun(ledger: store, submitter: submitter, witness: witness, composer: composer, clock: clock,
                          options: .init(witnessAddress: smtp.witnessAddress, witnessWaitSeconds: Double(smtp.witnessWaitSeconds), limit: limit),
                          shouldStop: { stop.isRequested }, observe: progress.observe)
        var report = SendReport()
        do throws(StoreError) {
            try run.resolveInDoubt(into: &report)
        } catch {
            throw CLIFailure(.failed, error.description)
        }
        let roster = try PreviewRoster.load(config: config, csv: nil, only: [], store: store, now: clock.now())
        let plan = try DuePlan.make(config: config, candidates: roster.candidates, store: store, now: clock.now(), days: 0, secret: secret)
        report = run.send(plan, prospect: roster.prospect, report: report)
        progress.finish()
        if let failure = submitter.failure, report.sent == 0 {
            throw failure
        }
        return report
    }

    private func makeWitness() throws(CLIFailure) -> IMAPWitness? {
        guard let imap = config.imap else { return nil }
        let server = try ServerCredentials.withPassword(imap.server, source: imap.passwordSource, section: "imap")
        do {
            return IMAPWitness(mailbox: try IMAPMailbox(server: server, mailbox: imap.mailbox, observer: TranscriptLogging.observer(diagnostics)),
                               witnessMailbox: imap.witnessMailbox)
        } catch {
            throw CLIFailure(.failed, error.description)
        }
    }

    private func sentCopyMailbox() throws(CLIFailure) -> IMAPMailbox? {
        guard let imap = config.imap, let sent = imap.sentMailbox else { return nil }
        // When our own witness copies are filed into the sent mailbox, they are the sent copies.
        let ownAddresses = [config.sender.email, imap.server.username].compactMap { $0?.lowercased() }
        if let witness = config.smtp?.witnessAddress?.lowercased(), ownAddresses.contains(witness),
           imap.witnessMailbox?.caseInsensitiveCompare(sent) == .orderedSame {
            return nil
        }
        let server = try ServerCredentials.withPassword(imap.server, source: imap.passwordSource, section: "imap")
        do {
            return try IMAPMailbox(server: server, mailbox: sent)
        } catch {
            throw CLIFailure(.failed, error.description)
        }
    }
}

/// Opens the SMTP connection only when the first message is actually submitted. When the server
/// refuses an OAuth2 access token (it expired during a long run), signs in once more with a fresh
/// one (`make` runs token_command again) before giving up.
final class LazySubmitter: MessageSubmitter {
    private let make: () throws(CLIFailure) -> SMTPSender
    private let renewing: (String) -> Void
    private var submitter: SMTPSubmitter?
    private var renewedToken = false
    /// Why the connection could not be prepared, if it could not.
    private(set) var failure: CLIFailure?

    /// `make` opens a signed-in connection; `renewing` hears why a refused token is being replaced.
    init(renewing: @escaping (String) -> Void, _ make: @escaping () throws(CLIFailure) -> SMTPSender) {
        self.renewing = renewing
        self.make = make
    }

    func submit(_ message: ComposedMessage, witness: String?, beforeData: @escaping () -> Bool) -> SubmissionResult {
        if submitter == nil {
            do {
                submitter = SMTPSubmitter(sender: try make())
            } catch {
                failure = error
                return .notSent(reason: error.description)
            }
        }
        guard let current = submitter else { return .notSent(reason: "no SMTP connection") }
        let result = current.submit(message, witness: witness, beforeData: beforeData)
        guard case .notSent = result, current.tokenRefused, !renewedToken else { return result }
        renewedToken = true
        if case .notSent(let reason) = result { renewing("\(reason); signing in again with a fresh token") }
        do {
            submitter = SMTPSubmitter(sender: try make())
        } catch {
            failure = error
            return result
        }
        return submitter?.submit(message, witness: witness, beforeData: beforeData) ?? result
    }
}
