import Foundation

/// A time zone's UTC offsets as a table of transitions, so that local-time arithmetic is integer
/// math plus a binary search instead of a Foundation `Calendar` call (which costs microseconds
/// each on Linux, and planning makes several per prospect).
struct ZoneOffsets: Sendable {
    private let zone: TimeZone
    /// Instants (seconds since 1970) at which a new offset starts, ascending; `offsets[i]` holds
    /// from `starts[i]` until the next start.
    private let starts: [Double]
    private let offsets: [Int]
    private let covered: ClosedRange<Double>

    /// The offsets of `zone` from two years before to twelve years after `reference`.
    init(zone: TimeZone, around reference: Date = Date()) {
        self.zone = zone
        let from = reference.addingTimeInterval(-2 * 366 * 86_400)
        let to = reference.addingTimeInterval(12 * 366 * 86_400)
        var starts = [from.timeIntervalSince1970]
        var offsets = [zone.secondsFromGMT(for: from)]
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < to, starts.count < 200 {
            starts.append(next.timeIntervalSince1970)
            offsets.append(zone.secondsFromGMT(for: next))
            cursor = next
        }
        self.starts = starts
        self.offsets = offsets
        self.covered = from.timeIntervalSince1970...to.timeIntervalSince1970
    }

    /// The UTC offset in seconds at instant `seconds` (since 1970).
    func offset(at seconds: Double) -> Int {
        guard covered.contains(seconds) else { return zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)) }
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= seconds { low = middle } else { high = middle - 1 }
        }
        return offsets[low]
    }

    /// The instant whose local wall-clock time is `local` (seconds since 1970 in local time). In a
    /// gap (spring forward) it lands just after; in an overlap, on the first occurrence.
    func instant(local: Double) -> Double {
        let first = local - Double(offset(at: local - Double(offset(at: local))))
        let corrected = local - Double(offset(at: first))
        return corrected
    }
}

/// Civil dates from day numbers (days since 1970-01-01), after Howard Hinnant's algorithm.
public enum CivilDay {
    /// (year, month, day) of day number `days`.
    public static func components(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO weekday (Monday 1 ... Sunday 7) of day number `days` (1970-01-01 was a Thursday).
    public static func isoWeekday(_ days: Int) -> Int {
        ((days % 7 + 7 + 3) % 7) + 1
    }
}
