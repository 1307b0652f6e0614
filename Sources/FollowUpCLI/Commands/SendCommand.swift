import ArgumentParser
import FollowUp
import FollowUpStore
import Foundation
import MailTransport

/// `followup send`: sends what is due now, exactly once, within the window and caps.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send what is due now, within the sending window and caps; safe to run again at any moment.",
        discussion: """
        Messages go out one at a time, spaced by min_gap_seconds plus jitter, over one SMTP connection. \
        Nothing is ever sent twice: each message is recorded before it is sent, and a message whose \
        outcome is unknown (a crash, a dropped connection) is checked for in the mailbox by the next run. \
        Exit 0 when everything due was handled, 3 when the run stopped part-way (some sent), 1 when \
        nothing could be sent.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Send at most N messages in this run.")
    var limit: Int?

    mutating func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let context = try SendContext(global: global)
        let report = try context.sendDue(limit: limit, stop: StopSignal())
        try SendSummary.print(report, console: Console.current)
    }
}

/// Prints a send report and turns it into the exit code.
enum SendSummary {
    static func print(_ report: SendReport, console: Console) throws(CLIFailure) {
        var parts = ["\(report.sent) sent"]
        if report.resolved > 0 { parts.append("\(report.resolved) from an earlier run settled") }
        if report.bounced > 0 { parts.append("\(report.bounced) bounced") }
        if report.deferred > 0 { parts.append("\(report.deferred) deferred") }
        if report.held > 0 { parts.append("\(report.held) held for review") }
        if report.skipped > 0 { parts.append("\(report.skipped) skipped") }
        if report.remaining > 0 { parts.append("\(report.remaining) left for a later run") }
        console.out(parts.joined(separator: ", "))
        guard let reason = report.stoppedBecause else { return }
        if reason == "interrupted" {
            throw CLIFailure(.partial, "stopped by a signal after \(report.sent) message(s); run send again to continue")
        }
        throw CLIFailure(report.sent > 0 ? .partial : .failed, "stopped: \(reason)")
    }
}
