public import Foundation

/// RFC 5322 dates, formatted and parsed from epoch arithmetic, independent of locale and time zone settings.
public struct RFC5322Date: Sendable {
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `date` as e.g. "Tue, 01 Dec 2026 09:00:00 -0500" at the given offset from UTC (clamped to ±23:59).
    public static func format(_ date: Date, utcOffsetSeconds: Int) -> String {
        let offset = max(-86_340, min(86_340, utcOffsetSeconds))
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let clamped = max(-62_000_000_000, min(250_000_000_000, seconds))
        let local = Int64(clamped) + Int64(offset)
        let days = floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = Int(((days % 7) + 7 + 4) % 7)
        let hour = secondOfDay / 3600
        let minute = (secondOfDay % 3600) / 60
        let second = secondOfDay % 60
        let sign = offset < 0 ? "-" : "+"
        let absOffset = abs(offset) / 60
        return "\(dayNames[weekday]), \(pad(day, 2)) \(monthNames[Int(month) - 1]) \(pad(year, 4)) "
            + "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)) \(sign)\(pad(Int64(absOffset / 60), 2))\(pad(Int64(absOffset % 60), 2))"
    }

    /// Parses an RFC 5322 (or obsolete RFC 822) date, tolerating missing weekday, seconds and zone; nil when unreadable.
    public static func parse(_ s: String) -> Date? {
        RFC5322DateParser(s).parse()
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(abs(value))
        let padding = String(repeating: "0", count: max(0, width - text.count))
        return (value < 0 ? "-" : "") + padding + text
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let civil = CivilDay.components(Int(z0))
        return (Int64(civil.year), Int64(civil.month), Int64(civil.day))
    }

    /// A proleptic Gregorian (year, month, day) to days since 1970-01-01.
    static func days(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        Int64(CivilDay.days(year: Int(y0), month: Int(m), day: Int(d)))
    }
}
