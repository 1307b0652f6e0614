import Foundation
import Logging

/// Diagnostics on stderr through swift-log, at the level chosen by --verbose / --quiet.
struct Diagnostics: Sendable {
    /// The logger commands use; its handler writes one plain line per entry to stderr.
    let logger: Logger

    init(level: Logger.Level) {
        var logger = Logger(label: "followup") { _ in StderrLogHandler() }
        logger.logLevel = level
        self.logger = logger
    }

    /// True when debug lines are shown (`--verbose`).
    var isVerbose: Bool { logger.logLevel <= .debug }
}

/// `2026-12-01T14:00:00Z info sent message=<...> step=1`: a UTC timestamp (cron logs need one),
/// the level, the message. Metadata is not used.
struct StderrLogHandler: LogHandler {
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(ISOTime.format(Date())) \(event.level) \(event.message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
