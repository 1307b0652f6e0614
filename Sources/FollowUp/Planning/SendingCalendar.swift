public import Foundation
import MailCore

/// Calendar arithmetic for one time zone: where the sending window opens, and when a delay of
/// N (business) days after a message falls. Gregorian, independent of the machine's locale, and
/// fast: integer day arithmetic over the zone's table of UTC offsets.
public struct SendingCalendar: Sendable {
    /// The time zone the window is read in.
    public let timeZone: TimeZone
    private let policy: SendingPolicy
    private let offsets: ZoneOffsets

    /// A calendar for `timeZone` under `policy`'s window and weekdays.
    public init(timeZone: TimeZone, policy: SendingPolicy) {
        self.timeZone = timeZone
        self.policy = policy
        self.offsets = ZoneOffsets(zone: timeZone)
    }

    /// The earliest instant at or after `date` that is inside the window on an allowed weekday.
    public func nextOpening(atOrAfter date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        let first = dayNumber(seconds)
        for day in first..<(first + 15) where policy.weekdays.contains(CivilDay.isoWeekday(day)) {
            let open = instant(day: day, minutes: policy.windowStart)
            let close = instant(day: day, minutes: policy.windowEnd)
            if seconds < open { return Date(timeIntervalSince1970: open) }
            if seconds < close { return date }
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
        let seconds = date.timeIntervalSince1970
        let local = seconds + Double(offsets.offset(at: seconds))
        var day = Int((local / 86_400).rounded(.down))
        let timeOfDay = local - Double(day) * 86_400
        if policy.businessDays {
            var remaining = days
            var guardrail = 0
            while remaining > 0 && guardrail < 10_000 {
                day += 1
                guardrail += 1
                if policy.weekdays.contains(CivilDay.isoWeekday(day)) { remaining -= 1 }
            }
        } else {
            day += max(0, days)
        }
        let target = offsets.instant(local: Double(day) * 86_400 + timeOfDay)
        return nextOpening(atOrAfter: Date(timeIntervalSince1970: target))
    }

    /// The start of the local day after the one containing `date`.
    public func startOfNextDay(after date: Date) -> Date {
        Date(timeIntervalSince1970: instant(day: dayNumber(date.timeIntervalSince1970) + 1, minutes: 0))
    }

    /// A key for the local day containing `date` (20261201 for 1 December 2026), for the daily cap.
    public func dayKey(_ date: Date) -> Int {
        let civil = CivilDay.components(dayNumber(date.timeIntervalSince1970))
        return civil.year * 10_000 + civil.month * 100 + civil.day
    }

    /// Local date and time of `date` as `2026-12-01 09:00` (for previews).
    public func localDescription(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let local = seconds + Double(offsets.offset(at: seconds))
        let day = Int((local / 86_400).rounded(.down))
        let minutes = Int((local - Double(day) * 86_400) / 60)
        let civil = CivilDay.components(day)
        return String(format: "%04d-%02d-%02d %02d:%02d", civil.year, civil.month, civil.day, minutes / 60, minutes % 60)
    }

    /// The UTC offset of `timeZone` at `date`, in seconds.
    public func utcOffset(at date: Date) -> Int {
        offsets.offset(at: date.timeIntervalSince1970)
    }

    /// The local day number (days since 1970-01-01 in this zone) of instant `seconds`.
    private func dayNumber(_ seconds: Double) -> Int {
        Int(((seconds + Double(offsets.offset(at: seconds))) / 86_400).rounded(.down))
    }

    /// The instant of local `minutes` after midnight on local day `day` (1440 = the next midnight).
    private func instant(day: Int, minutes: Int) -> Double {
        offsets.instant(local: Double(day) * 86_400 + Double(minutes) * 60)
    }
}
