/// Proleptic Gregorian dates as day numbers (days since 1970-01-01), after Howard Hinnant's
/// algorithms: the one place the project turns days into dates and back, without a Calendar
/// (locale-free, and far cheaper than Foundation's on Linux).
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

    /// The day number of (year, month, day); month 1...12.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let mp = (month + 9) % 12
        let dayOfYear = (153 * mp + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO weekday (Monday 1 ... Sunday 7) of day number `days` (1970-01-01 was a Thursday).
    public static func isoWeekday(_ days: Int) -> Int {
        ((days % 7 + 7 + 3) % 7) + 1
    }
}
