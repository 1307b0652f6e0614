import FollowUp
import Foundation
import MailTransport
#if canImport(Glibc)
import Glibc
#endif

/// Progress on a terminal and one log line per message (addresses only with --verbose).
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
        self.showProgress = isatty(STDERR_FILENO) == 1 && diagnostics.logger.logLevel > .debug && diagnostics.logger.logLevel < .error
    }

    func observe(_ event: SendRun.Event) {
        let logger = diagnostics.logger
        let verbose = diagnostics.isVerbose
        switch event {
        case .resolved(let record, let sent, let how):
            logger.info("settled message=<\(record.messageID)> prospect=#\(record.prospectID) sent=\(sent): \(how)")
        case .sending(let index, let total, let message):
            if showProgress {
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(index)/\(total)] sending step \(message.step) to prospect \(message.attempt > 1 ? "(follow-up)" : "")".utf8))
                progressShown = true
            }
        case .sent(let message, let reply):
            clearProgress()
            logger.info("sent message=<\(message.messageID)> step=\(message.step) attempt=\(message.attempt)\(verbose ? " to=\(message.recipient)" : "") reply=\"\(reply)\"")
            if let sentCopies {
                do {
                    try sentCopies.append(message.bytes, to: sentCopies.mailbox)
                } catch {
                    logger.warning("could not file a copy in \(sentCopies.mailbox): \(error)")
                }
            }
        case .skipped(let id, let email, let reason):
            clearProgress()
            logger.notice("skipped prospect=#\(id)\(verbose ? " (\(email))" : ""): \(reason)")
        case .problem(let message, let text):
            clearProgress()
            logger.warning("\(message.map { "message=<\($0.messageID)> " } ?? "")\(verbose ? text : text.replacingOccurrences(of: message?.recipient ?? "\u{0}", with: "prospect"))")
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
