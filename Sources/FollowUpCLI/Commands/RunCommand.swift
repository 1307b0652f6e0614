import ArgumentParser
import FollowUp
import Foundation

/// `followup run`: poll, then send, then sleep; `--once` for cron.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Poll, then send, then sleep, in a loop (--once: one round, for cron).",
        discussion: """
        Between rounds, with [imap], one IMAP session waits for new mail (IDLE) and a reply is \
        polled as soon as the server announces it: a "no" closes the prospect within seconds, before \
        the next follow-up is due. SIGINT or SIGTERM finish the message in flight and exit cleanly. \
        Without [imap], only sends. \
        With --quiet (for cron) it prints nothing unless something went wrong; exit 3 when a round was \
        done only in part (a prospect skipped, a message held), 1 when it failed.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One round, then exit (for cron).")
    var once = false

    @Option(help: ArgumentHelp("Time between rounds: 300s, 15m, 1h (default 15m).", valueName: "duration"))
    var interval: String = "15m"

    mutating func validate() throws {
        guard let seconds = Self.seconds(interval), seconds >= 10 else {
            throw ValidationError("--interval \"\(interval)\" is not a duration of at least 10 seconds like 300s, 15m or 1h")
        }
        _ = seconds
    }

    func run() throws {
        let stop = StopSignal()
        let pause = Double(Self.seconds(interval) ?? 900)
        var worst: CLIFailure?
        repeat {
            worst = nil
            let context = try SendContext(global: global)
            if context.config.imap != nil {
                if let failure = poll(context) { worst = failure }
            }
            if !stop.isRequested {
                do {
                    let report = try context.sendDue(limit: nil, stop: stop)
                    try SendSummary.print(report, console: context.console, quiet: global.quiet)
                } catch {
                    context.console.err("followup: send: \(error.description)")
                    worst = error
                }
            }
            if once || stop.isRequested { break }
            let wake = Date().addingTimeInterval(pause)
            if let imap = context.config.imap {
                // Between rounds, replies are read as the server announces them.
                let watcher = ReplyWatcher(imap: imap, diagnostics: context.diagnostics)
                while watcher.waitForNews(until: wake, stop: stop) {
                    if let failure = poll(context) { worst = failure }
                }
                watcher.close()
            }
            while Date() < wake && !stop.isRequested { Thread.sleep(forTimeInterval: min(1, wake.timeIntervalSinceNow)) }
        } while !stop.isRequested
        if let worst { throw CLIFailure(worst.code, "the last round did not finish cleanly (see above)") }
    }

    /// Polls the reply mailbox once and prints what changed; the failure, if any, after printing it.
    private func poll(_ context: SendContext) -> CLIFailure? {
        do {
            let lock = try ProcessLock(path: context.config.storePath + ".lock", purpose: "run (poll)")
            let report = try Poller.poll(config: context.config, store: context.store, now: context.clock.now(), diagnostics: context.diagnostics)
            withExtendedLifetime(lock) {}
            Poller.print(report, json: false, quiet: global.quiet, console: context.console, diagnostics: context.diagnostics)
            return nil
        } catch {
            context.console.err("followup: poll: \(error.description)")
            return error
        }
    }

    /// `300s`, `15m`, `1h`, or plain seconds.
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            return Int(trimmed.dropLast()).map { $0 * factor }
        }
        return Int(trimmed)
    }
}
