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
        Exit 0 when everything due was handled, 3 when it was done only in part (a prospect skipped, a \
        message held for review, or the run stopped part-way with some sent), 1 when nothing could be \
        sent. Each skipped prospect and held message is a line on stderr, even with --quiet; with \
        --quiet, stdout stays empty when nothing went wrong.
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
        try SendSummary.print(report, console: Console.current, quiet: global.quiet)
    }
}

/// Prints a send report and turns it into the exit code.
enum SendSummary {
    /// Prints `report` (with `quiet`, only when something went wrong) and throws the exit code:
    /// 3 when a prospect was skipped or a message held, or the run stopped part-way.
    static func print(_ report: SendReport, console: Console, quiet: Bool) throws(CLIFailure) {
        var parts = ["\(report.sent) sent"]
        if report.resolved > 0 { parts.append("\(report.resolved) from an earlier run settled") }
        if report.bounced > 0 { parts.append("\(report.bounced) bounced") }
        if report.deferred > 0 { parts.append("\(report.deferred) deferred") }
        if report.held > 0 { parts.append("\(report.held) held for review") }
        if report.skipped > 0 { parts.append("\(report.skipped) skipped") }
        if report.remaining > 0 { parts.append("\(report.remaining) left for a later run") }
        let trouble = report.skipped > 0 || report.held > 0 || report.stoppedBecause != nil
        if !quiet || trouble { console.out(parts.joined(separator: ", ")) }
        guard let reason = report.stoppedBecause else {
            guard trouble else { return }
            let what = [report.skipped > 0 ? "\(report.skipped) prospect(s) skipped" : nil,
                        report.held > 0 ? "\(report.held) message(s) held for review (`followup triage held`)" : nil].compactMap { $0 }
            throw CLIFailure(.partial, "done in part: \(what.joined(separator: " and ")); the reasons are above")
        }
        if reason == "interrupted" {
            throw CLIFailure(.partial, "stopped by a signal after \(report.sent) message(s); run send again to continue")
        }
        throw CLIFailure(report.sent > 0 ? .partial : .failed, "stopped: \(reason)")
    }
}
