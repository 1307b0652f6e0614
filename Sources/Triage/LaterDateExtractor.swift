/// Finds when a "later" reply wants to hear back: an explicit date, a quarter, next week/month/quarter/year, a holiday or season, or a month.
enum LaterDateExtractor {
    static let nextWeek = ["next week", "nachste woche", "nachsten woche", "la semaine prochaine", "semaine prochaine", "la proxima semana",
        "la semana que viene", "la prossima settimana", "settimana prossima", "volgende week", "proxima semana"]
    static let nextMonth = ["next month", "nachsten monat", "nachster monat", "le mois prochain", "mois prochain", "el proximo mes",
        "el mes que viene", "il prossimo mese", "il mese prossimo", "volgende maand", "proximo mes", "mes que vem"]
    static let nextQuarter = ["next quarter", "nachstes quartal", "nachsten quartal", "le trimestre prochain", "trimestre prochain",
        "el proximo trimestre", "il prossimo trimestre", "volgend kwartaal", "proximo trimestre"]
    static let nextYear = ["next year", "in the new year", "early next year", "nachstes jahr", "nachsten jahr", "im neuen jahr",
        "l annee prochaine", "annee prochaine", "el proximo ano", "el ano que viene", "il prossimo anno", "l anno prossimo",
        "volgend jaar", "proximo ano", "ano que vem"]
    /// The padded search keys of the phrases above (see `PhraseText.key`), computed once.
    static let nextWeekKeys = nextWeek.map(PhraseText.key)
    /// Keys of `nextMonth`.
    static let nextMonthKeys = nextMonth.map(PhraseText.key)
    /// Keys of `nextQuarter`.
    static let nextQuarterKeys = nextQuarter.map(PhraseText.key)
    /// Keys of `nextYear`.
    static let nextYearKeys = nextYear.map(PhraseText.key)
    static let quarterWords: [String: Int] = ["first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "erstes": 1, "zweites": 2, "drittes": 3, "viertes": 4]

    /// The resume day for `text` (a later-reply), relative to `reference`; nil when none is stated or no reference is known.
    static func find(in text: String, reference: CivilDate?) -> CivilDate? {
        let monthFirst = LanguageGuess.guess(text) == "en"
        let finder = DateFinder(text: text, reference: reference, monthFirst: monthFirst)
        if let mention = finder.mentions().first(where: { !$0.weekdayOnly }) { return mention.date }
        guard let ref = reference else { return nil }
        let words = TextFold.words(text)
        let tokens = words.split(separator: " ").map(String.init)
        // Quarters: "Q3", "in Q3 2027", "third quarter".
        for (index, token) in tokens.enumerated().prefix(5_000) {
            var quarter: Int?
            if token.count == 2, token.hasPrefix("q"), let n = Int(token.dropFirst()), (1...4).contains(n) { quarter = n }
            if quarter == nil, index + 1 < tokens.count, ["quarter", "quartal", "trimestre", "kwartaal"].contains(tokens[index + 1]) {
                quarter = quarterWords[token]
            }
            if let q = quarter {
                let explicitYear = tokens.dropFirst(index + 1).prefix(2).compactMap { Int($0) }.first { (2000...2200).contains($0) }
                return quarterStart(q, reference: ref, year: explicitYear)
            }
        }
        if TextSearch.containsAny(words, nextQuarterKeys) {
            let current = (ref.month - 1) / 3 + 1
            return current == 4 ? CivilDate(year: ref.year + 1, month: 1, day: 1) : CivilDate(year: ref.year, month: current * 3 + 1, day: 1)
        }
        if TextSearch.containsAny(words, nextMonthKeys) {
            return ref.month == 12 ? CivilDate(year: ref.year + 1, month: 1, day: 1) : CivilDate(year: ref.year, month: ref.month + 1, day: 1)
        }
        if TextSearch.containsAny(words, nextYearKeys) {
            return CivilDate(year: ref.year + 1, month: 1, day: 1)
        }
        if TextSearch.containsAny(words, nextWeekKeys) {
            return ref.next(weekday: 1)
        }
        // A holiday or season: "after Easter", "dopo l'Epifania", "na de zomer".
        if let day = HolidayDates.resume(in: words, reference: ref) { return day }
        // A month named alone: "reach out in January", "im Januar", "en enero".
        for token in tokens.prefix(5_000) where !DateWords.ambiguousMonths.contains(token) && token.count >= 4 {
            if let month = DateWords.months[token] {
                let year = month <= ref.month ? ref.year + 1 : ref.year
                return CivilDate(year: year, month: month, day: 1)
            }
        }
        // "in 2 weeks", "in 3 months".
        for (index, token) in tokens.enumerated().prefix(5_000) where token == "in" && index + 2 < tokens.count {
            let numbers = ["two": 2, "three": 3, "four": 4, "six": 6, "couple": 2]
            guard let n = Int(tokens[index + 1]) ?? numbers[tokens[index + 1]], (1...24).contains(n) else { continue }
            let unit = tokens[index + 2] == "of" && index + 3 < tokens.count ? tokens[index + 3] : tokens[index + 2]
            if unit.hasPrefix("week") { return ref.adding(days: 7 * n) }
            if unit.hasPrefix("month") {
                let total = ref.month - 1 + n
                return CivilDate(year: ref.year + total / 12, month: total % 12 + 1, day: 1)
            }
        }
        return nil
    }

    /// The first day of quarter `q`: in `year` when given, else this year, or next year when that day is not ahead.
    static func quarterStart(_ q: Int, reference: CivilDate, year: Int?) -> CivilDate? {
        let month = (q - 1) * 3 + 1
        if let year { return CivilDate(year: year, month: month, day: 1) }
        guard let thisYear = CivilDate(year: reference.year, month: month, day: 1) else { return nil }
        return thisYear > reference ? thisYear : CivilDate(year: reference.year + 1, month: month, day: 1)
    }
}
