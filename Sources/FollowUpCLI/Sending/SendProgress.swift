import FollowUp
import Foundation
import MailTransport
#if canImport(Glibc)
import Glibc
#endif

/// Progress on a terminal and one log line per message, naming each prospect by address. What
/// went wrong (a skipped prospect, a held or refused message) is a warning, so that it reaches
/// stderr even under --quiet.
final class SendProgress {
    private let console: Console
    private let diagnostics: Diagnostics
    private let sentCopies: IMAPMailbox?
    private let showProgress: Bool
    private var progressShown = false

    init(console: Console, diagnostics: Diagnostics, sentCopies: IMAPMailbox?) {
        self.console = console
        self.diagnostics = diagnostics
        self.sentCopies = sentCopies
        // Only at the default level: --verbose prints a line per message, --quiet nothing.
        self.showProgress = isatty(STDERR_FILENO) == 1 && diagnostics.logger.logLevel == .info
    }

    func observe(_ event: SendRun.Event) {
        let logger = diagnostics.logger
        switch event {
        case .resolved(let record, _, let how):
            let who = record.recipient.isEmpty ? "prospect #\(record.prospectID)" : record.recipient
            let line = "message \(record.attempt) to \(who) from an earlier run, <\(record.messageID)>: \(how)"
            if how.hasPrefix("held") { logger.warning("\(line)") } else { logger.info("\(line)") }
        case .sending(let index, let total, let message):
            if showProgress {
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(index)/\(total)] sending step \(message.step) to prospect \(message.attempt > 1 ? "(follow-up)" : "")".utf8))
                progressShown = true
            }
        case .sent(let message, let reply):
            clearProgress()
            logger.info("sent step \(message.step) (message \(message.attempt)) to \(message.recipient) <\(message.messageID)>: \(reply)")
            if let sentCopies {
                do {
                    try sentCopies.append(message.bytes, to: sentCopies.mailbox)
                } catch {
                    logger.warning("could not file a copy in \(sentCopies.mailbox): \(error)")
                }
            }
        case .skipped(_, let email, let reason):
            clearProgress()
            logger.warning("skipped \(email): \(reason)")
        case .problem(let message, let text):
            clearProgress()
            logger.warning("\(text)\(message.map { " <\($0.messageID)>" } ?? "")")
        }
    }

    func finish() {
        clearProgress()
    }

    private func clearProgress() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        progressShown = false
    }
}
