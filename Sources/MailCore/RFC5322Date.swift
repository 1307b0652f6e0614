public import Foundation

/// RFC 5322 dates, formatted and parsed from epoch arithmetic, independent of locale and time zone settings.
public struct RFC5322Date: Sendable {
    /// The English day abbreviations of RFC 5322 (and of asctime), Sunday first.
    public static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// The English month abbreviations of RFC 5322 (and of asctime), January first.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `date` as e.g. "Tue, 01 Dec 2026 09:00:00 -0500" at the given offset from UTC (clamped to ±23:59).
    public static func format(_ date: Date, utcOffsetSeconds: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        append(date, utcOffsetSeconds: utcOffsetSeconds, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the `format(_:utcOffsetSeconds:)` form of `date` to `out`.
    static func append(_ date: Date, utcOffsetSeconds: Int, into out: inout [UInt8]) {
        let offset = max(-86_340, min(86_340, utcOffsetSeconds))
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let clamped = max(-62_000_000_000, min(250_000_000_000, seconds))
        let local = Int64(clamped) + Int64(offset)
        let days = floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = Int(((days % 7) + 7 + 4) % 7)
        let absOffset = abs(offset) / 60
        out.append(contentsOf: dayNames[weekday].utf8)
        out.append(UInt8(ascii: ","))
        out.append(32)
        appendPadded(day, 2, into: &out)
        out.append(32)
        out.append(contentsOf: monthNames[Int(month) - 1].utf8)
        out.append(32)
        appendPadded(year, 4, into: &out)
        out.append(32)
        appendPadded(secondOfDay / 3600, 2, into: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded((secondOfDay % 3600) / 60, 2, into: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(secondOfDay % 60, 2, into: &out)
        out.append(32)
        out.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        appendPadded(Int64(absOffset / 60), 2, into: &out)
        appendPadded(Int64(absOffset % 60), 2, into: &out)
    }

    /// Parses an RFC 5322 (or obsolete RFC 822) date, tolerating missing weekday, seconds and zone; nil when unreadable.
    public static func parse(_ s: String) -> Date? {
        RFC5322DateParser(s).parse()
    }

    /// Appends `value` in decimal, zero-padded to at least `width` digits (after a "-" when negative).
    static func appendPadded(_ value: Int64, _ width: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        var digits = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { out.append(UInt8(ascii: "0")) }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
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
