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
        let t = utcFields(date)
        return padded(t.year, 4) + "-" + padded(t.month, 2) + "-" + padded(t.day, 2) + "T"
            + padded(t.hour, 2) + ":" + padded(t.minute, 2) + ":" + padded(t.second, 2) + "Z"
    }

    /// `20261201T1400`: the UTC minute, for file names.
    static func compactMinute(_ date: Date) -> String {
        let t = utcFields(date)
        return padded(t.year, 4) + padded(t.month, 2) + padded(t.day, 2) + "T" + padded(t.hour, 2) + padded(t.minute, 2)
    }

    /// The UTC calendar fields of `date`.
    static func utcFields(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let timeOfDay = seconds - days * 86_400
        let civil = CivilDay.components(days)
        return (civil.year, civil.month, civil.day, timeOfDay / 3600, timeOfDay / 60 % 60, timeOfDay % 60)
    }

    /// `value` in decimal with leading zeros to `width` digits (String(format:) costs a formatter).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
