import Foundation

/// Parsing of the schedule's `window` and `weekdays` values.
enum SendingWindow {
    /// `"09:00-17:00"` as minutes after midnight; the end may be `24:00`; start must be before end.
    static func parse(_ text: String) -> (start: Int, end: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start < end else { return nil }
        return (start, end)
    }

    /// ISO weekday number (Monday 1 ... Sunday 7) for a three-letter or full English day name.
    static func weekday(_ name: String) -> Int? {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let key = String(name.lowercased().trimmingCharacters(in: .whitespaces).prefix(3))
        guard let index = names.firstIndex(of: key) else { return nil }
        return index + 1
    }

    private static func minutes(_ text: Substring) -> Int? {
        let pieces = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard pieces.count == 2, pieces[0].count <= 2, pieces[1].count == 2,
              let hours = Int(pieces[0]), let minutes = Int(pieces[1]), (0...24).contains(hours), (0..<60).contains(minutes) else { return nil }
        let total = hours * 60 + minutes
        return total <= 24 * 60 ? total : nil
    }
}

