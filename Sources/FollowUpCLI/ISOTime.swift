import MailCore
import Foundation

/// ISO 8601 instants for `--now` and JSON output, parsed and printed without locale.
enum ISOTime {
    /// Parses `2026-12-01T09:00:00Z`, `2026-12-01T09:00:00-05:00`, with optional fractional seconds.
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// `2026-12-01T14:00:00Z`, by integer arithmetic: building a formatter costs more than a
    /// whole message, and previews format a time for every one.
    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let timeOfDay = seconds - days * 86_400
        let civil = CivilDay.components(days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", civil.year, civil.month, civil.day,
                      timeOfDay / 3600, timeOfDay / 60 % 60, timeOfDay % 60)
    }
}
