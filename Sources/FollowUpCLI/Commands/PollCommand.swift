import ArgumentParser
import FollowUp
import FollowUpStore
import Foundation
import MailTransport
import Triage

/// `followup poll`: reads new mail, matches it to prospects, classifies it, applies the outcome.
struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Fetch new mail from the IMAP mailbox, match it to prospects, classify it and apply the outcome.",
        discussion: """
        Reads only what arrived since the last poll (by UID) and never marks anything as read. Unmatched \
        mail is left alone. Prints one line per prospect whose state changed; --json prints them as JSON.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One JSON object: {\"examined\", \"matched\", \"changes\": [{\"prospect\", \"summary\"}], \"warnings\"}.")
    var json = false

    func run() throws {
        let config = try global.loadConfig()
        let store = try StoreAccess.open(config)
        let lock = try ProcessLock(path: config.storePath + ".lock", purpose: "poll")
        defer { withExtendedLifetime(lock) {} }
        let report = try Poller.poll(config: config, store: store, now: try global.clock(), diagnostics: global.diagnostics)
        Poller.print(report, json: json, quiet: global.quiet, console: Console.current, diagnostics: global.diagnostics)
    }
}

/// Polling shared by `poll` and `run`.
enum Poller {
    /// Polls the configured mailbox once; when the server refuses an OAuth2 access token, once more
    /// with a fresh one from token_command.
    static func poll(config: FollowUpConfig, store: SQLiteProspectStore, now: Date, diagnostics: Diagnostics) throws(CLIFailure) -> PollReport {
        for attempt in 1...2 {
            do {
                return try pollOnce(config: config, store: store, now: now, diagnostics: diagnostics)
            } catch let refused as TokenRefused {
                if attempt == 2 { throw CLIFailure(.failed, refused.error.description) }
                diagnostics.logger.notice("\(refused.error.description); signing in again with a fresh token")
                config.imap?.passwordSource?.forgetRefusedToken()
            } catch let failure as CLIFailure {
                throw failure
            } catch {
                throw CLIFailure(.failed, "\(error)")
            }
        }
        throw CLIFailure(.failed, "the poll could not sign in")
    }

    /// A refused access token, carried out of `pollOnce` so that `poll` can try once more.
    struct TokenRefused: Error {
        let error: MailTransportError
    }

    private static func pollOnce(config: FollowUpConfig, store: SQLiteProspectStore, now: Date, diagnostics: Diagnostics) throws(any Error) -> PollReport {
        guard let imap = config.imap else {
            throw CLIFailure(.invalidInput, "\(config.file): no [imap] section; poll needs one")
        }
        let server = try ServerCredentials.withPassword(imap.server, source: imap.passwordSource, section: "imap")
        // Mail to the unsubscribe address asks for removal by itself only when no reply goes there too.
        let removalAddress = config.unsubscribeMailbox?.removalAddress
        let classifier = ReplyClassifier(ownAddresses: [config.sender.email], unsubscribeAddress: removalAddress)
        do {
            let mailbox = try IMAPMailbox(server: server, mailbox: imap.mailbox, observer: TranscriptLogging.observer(diagnostics))
            let run = PollRun(mailbox: IMAPReplyMailbox(mailbox: mailbox, witnessMailbox: imap.witnessMailbox), ledger: store, classifier: classifier,
                              ownAddresses: [config.sender.email], unsubscribeAddress: removalAddress, timeZone: config.timeZone(of:))
            return try run.run(now: now)
        } catch let error as MailTransportError where error.kind == .authenticationFailed && error.signIn != .password {
            throw TokenRefused(error: error)
        } catch let error as MailTransportError {
            throw CLIFailure(.failed, error.description)
        } catch let error as StoreError {
            throw CLIFailure(.failed, error.description)
        } catch {
            throw CLIFailure(.failed, "\(error)")
        }
    }

    /// Prints what changed.
    /// Prints what changed; with `quiet`, only the warnings (on stderr).
    static func print(_ report: PollReport, json: Bool, quiet: Bool, console: Console, diagnostics: Diagnostics) {
        for warning in report.warnings { diagnostics.logger.warning("\(warning)") }
        if json {
            console.out(JSONText.encode(PollJSON(report)))
            return
        }
        if quiet { return }
        for change in report.changes { console.out("\(change.prospect): \(change.summary)") }
        if report.nothingNew {
            console.out("nothing new")
        } else {
            console.out("\(report.examined) new message(s), \(report.matched) about prospects, \(report.changes.count) change(s)")
        }
    }
}

/// `poll --json`.
private struct PollJSON: Encodable {
    struct Change: Encodable {
        let prospect: String
        let summary: String
    }
    let examined: Int
    let matched: Int
    let changes: [Change]
    let warnings: [String]

    init(_ report: PollReport) {
        examined = report.examined
        matched = report.matched
        changes = report.changes.map { Change(prospect: $0.prospect, summary: $0.summary) }
        warnings = report.warnings
    }
}
