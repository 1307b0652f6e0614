import Logging
import MailTransport

/// Passes the protocol dialogue (already free of credentials) to the log at trace/debug level.
enum TranscriptLogging {
    /// An observer for `--verbose`, or nil when nobody would see the lines.
    static func observer(_ diagnostics: Diagnostics) -> (@Sendable (TranscriptLine) -> Void)? {
        guard diagnostics.isVerbose else { return nil }
        let logger = diagnostics.logger
        return { line in
            guard line.source != .note || !line.text.hasPrefix("TLS") else { return }
            logger.debug("\(line.description)")
        }
    }
}
