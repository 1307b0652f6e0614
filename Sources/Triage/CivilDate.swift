import Foundation
import MailCore

/// A calendar day (proleptic Gregorian), computed without Calendar so results never depend on the machine.
struct CivilDate: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    /// A valid day, or nil (e.g. 31 February).
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC day of `date`; nil for dates outside years 1...9999 (or not finite).
    init?(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 300_000_000_000 else { return nil }
        let day = Self.fromDays(Int((seconds / 86_400).rounded(.down)))
        guard (1...9999).contains(day.year) else { return nil }
        self = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01.
    var dayNumber: Int {
        CivilDay.days(year: year, month: month, day: day)
    }

    static func fromDays(_ days: Int) -> CivilDate {
        let civil = CivilDay.components(days)
        return CivilDate(unchecked: civil.year, civil.month, civil.day)
    }

    /// 1 = Monday … 7 = Sunday.
    var weekday: Int {
        CivilDay.isoWeekday(dayNumber)
    }

    func adding(days: Int) -> CivilDate {
        Self.fromDays(dayNumber + days)
    }

    /// The next day strictly after `self` that falls on `weekday` (1 = Monday).
    func next(weekday target: Int) -> CivilDate {
        var delta = (target - weekday + 7) % 7
        if delta == 0 { delta = 7 }
        return adding(days: delta)
    }

    /// "yyyy-MM-dd".
    var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }
}
