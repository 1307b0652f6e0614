import Testing
import Triage

/// "Later" replies that name a holiday or a season get the day after it as their resume date.
@Suite("Resume dates from holidays and seasons")
struct HolidayDatesTests {
    func later(_ text: String, date: String = "Tue, 01 Dec 2026 10:00:00 +0000") -> Classification {
        TestMail.classifier.classify(bytes: TestMail.raw(date: date, body: text))
    }

    @Test("holidays and seasons in seven languages, the next one after the reply", arguments: [
        ("Let's pick this up after Easter.", "2027-03-30"),               // Easter 2027 is 28 March
        ("Bitte melden Sie sich nach Fasching wieder.", "2027-02-11"),      // Ash Wednesday 2027 is 10 February
        ("Ci risentiamo dopo l'Epifania.", "2027-01-07"),
        ("Escríbeme después de Reyes, ahora es imposible.", "2027-01-07"),
        ("On en reparle après la rentrée.", "2027-09-01"),
        ("Na de zomervakantie kunnen we praten.", "2027-09-01"),
        ("Falamos depois do Carnaval.", "2027-02-11"),
        ("Try me again after Thanksgiving.", "2027-11-29"),                 // the Monday after 25 November 2027
    ])
    func resumeDay(text: String, expected: String) {
        let result = later(text)
        #expect(result.intent == .later, "\(result.explanation)")
        #expect(result.laterDate == expected, "\(result.explanation)")
    }

    @Test("a holiday still ahead this year is this year's; one named as a limit gives no date")
    func thisYearAndLimits() {
        #expect(later("After Easter, please.", date: "Mon, 04 Jan 2027 09:00:00 +0000").laterDate == "2027-03-30")
        #expect(later("Not now, maybe after the summer.", date: "Tue, 01 Jun 2027 09:00:00 +0000").laterDate == "2027-09-01")
        #expect(later("Not now. Write again before Easter, not after.").laterDate != "2027-03-30")
    }
}
