import ArgumentParser
import Foundation

/// Options every command accepts: the config file, the clock, and how chatty stderr is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The TOML config file (default ./followup.toml, or $FOLLOWUP_CONFIG).", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The current time, ISO 8601 (2026-12-01T09:00:00Z or with an offset); default the real time, or $FOLLOWUP_NOW.", valueName: "iso8601"))
    var now: String?

    @Flag(name: .long, help: "More detail on stderr (never secrets).")
    var verbose = false

    @Flag(name: .long, help: "Nothing on stdout when nothing went wrong; only warnings and errors on stderr (for cron).")
    var quiet = false

    /// The config path: --config, else $FOLLOWUP_CONFIG, else ./followup.toml.
    var configPath: String {
        config ?? ProcessInfo.processInfo.environment["FOLLOWUP_CONFIG"] ?? "followup.toml"
    }

    /// The clock: --now, else $FOLLOWUP_NOW, else the real time.
    func clock() throws(CLIFailure) -> Date {
        guard let text = now ?? ProcessInfo.processInfo.environment["FOLLOWUP_NOW"] else { return Date() }
        guard let date = ISOTime.parse(text) else {
            throw CLIFailure(.invalidInput, "--now \"\(text)\" is not an ISO 8601 time like 2026-12-01T09:00:00Z or 2026-12-01T09:00:00-05:00")
        }
        return date
    }

    mutating func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
        if let now, ISOTime.parse(now) == nil {
            throw ValidationError("--now \"\(now)\" is not an ISO 8601 time like 2026-12-01T09:00:00Z or 2026-12-01T09:00:00-05:00")
        }
    }

    /// Loads the config file, then logs what `ConfigNotices` has to say about it.
    func loadConfig() throws(CLIFailure) -> FollowUpConfig {
        let config = try ConfigLoader.load(path: configPath)
        let logger = diagnostics.logger
        for line in ConfigNotices.lines(for: config) { logger.log(level: line.level, "\(line.text)") }
        return config
    }

    /// Diagnostics for this run, at the level the flags ask for.
    var diagnostics: Diagnostics {
        Diagnostics(level: quiet ? .warning : verbose ? .debug : .info)
    }
}
