import Foundation
import Logging

/// Diagnostics on stderr through swift-log, at the level chosen by --verbose / --quiet.
struct Diagnostics: Sendable {
    /// The logger commands use; its handler writes plain lines to stderr.
    let logger: Logger

    init(level: Logger.Level) {
        var logger = Logger(label: "followup") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .trace
            return handler
        }
        logger.logLevel = level
        self.logger = logger
    }

    /// True when debug lines are shown (`--verbose`).
    var isVerbose: Bool { logger.logLevel <= .debug }
}
