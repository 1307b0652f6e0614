import MailCore
import Testing

@Suite("Civil dates from day numbers")
struct CivilDayTests {
    @Test("known dates and weekdays")
    func known() {
        #expect(CivilDay.components(0) == (1970, 1, 1))
        #expect(CivilDay.isoWeekday(0) == 4)  // a Thursday
        #expect(CivilDay.days(year: 2026, month: 12, day: 1) == 20_788)
        #expect(CivilDay.isoWeekday(20_788) == 2)  // Tuesday 1 December 2026
        #expect(CivilDay.components(CivilDay.days(year: 2024, month: 2, day: 29)) == (2024, 2, 29))
        #expect(CivilDay.components(-1) == (1969, 12, 31))
    }

    @Test("days and components are inverse over four centuries, leap days included")
    func roundTrip() {
        var previous = CivilDay.components(-50_000)
        for day in -49_999...100_000 {
            let civil = CivilDay.components(day)
            #expect(CivilDay.days(year: civil.year, month: civil.month, day: civil.day) == day)
            if civil.day != 1 { #expect(civil.day == previous.day + 1) }
            previous = civil
        }
    }
}
