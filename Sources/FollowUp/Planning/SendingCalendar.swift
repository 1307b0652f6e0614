public import Foundation

/// Calendar arithmetic for one time zone: where the sending window opens, and when a delay of
/// N (business) days after a message falls. Gregorian, independent of the machine's locale.
public struct SendingCalendar: Sendable {
    /// The time zone the window is read in.
    public let timeZone: TimeZone
    private let policy: SendingPolicy
    private let calendar: Calendar

    /// A calendar for `timeZone` under `policy`'s window and weekdays.
    public init(timeZone: TimeZone, policy: SendingPolicy) {
        self.timeZone = timeZone
        self.policy = policy
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    /// The earliest instant at or after `date` that is inside the window on an allowed weekday.
    public func nextOpening(atOrAfter date: Date) -> Date {
        var day = calendar.startOfDay(for: date)
        for _ in 0..<15 {
            if policy.weekdays.contains(isoWeekday(day)) {
                let open = instant(on: day, minutes: policy.windowStart)
                let close = instant(on: day, minutes: policy.windowEnd)
                if date < open { return open }
                if date < close { return date }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return date
    }

    /// True when `date` is inside the window on an allowed weekday.
    public func isOpen(_ date: Date) -> Bool {
        nextOpening(atOrAfter: date) == date
    }

    /// `days` days after `date` at the same local time (skipping disallowed weekdays when
    /// `businessDays`), then moved into the window.
    public func due(after date: Date, days: Int) -> Date {
        var target = date
        if policy.businessDays {
            var remaining = days
            while remaining > 0 {
                guard let next = calendar.date(byAdding: .day, value: 1, to: target) else { break }
                target = next
                if policy.weekdays.contains(isoWeekday(target)) { remaining -= 1 }
            }
        } else if days > 0, let next = calendar.date(byAdding: .day, value: days, to: date) {
            target = next
        }
        return nextOpening(atOrAfter: target)
    }

    /// The start of the local day after the one containing `date`.
    public func startOfNextDay(after date: Date) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }

    /// A key for the local day containing `date` (`2026-12-01`), for counting the daily cap.
    public func dayKey(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
    }

    /// Local date and time of `date` as `2026-12-01 09:00` (for previews).
    public func localDescription(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The UTC offset of `timeZone` at `date`, in seconds.
    public func utcOffset(at date: Date) -> Int {
        timeZone.secondsFromGMT(for: date)
    }

    private func isoWeekday(_ date: Date) -> Int {
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
        return weekday == 1 ? 7 : weekday - 1
    }

    private func instant(on day: Date, minutes: Int) -> Date {
        if minutes >= 24 * 60 { return startOfNextDay(after: day) }
        return calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: day)
            ?? day.addingTimeInterval(TimeInterval(minutes * 60))
    }
}
