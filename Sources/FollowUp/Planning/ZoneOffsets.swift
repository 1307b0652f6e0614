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
