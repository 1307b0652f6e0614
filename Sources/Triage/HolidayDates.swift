/// Resume days named by a holiday or a season rather than a date, in seven languages: "after
/// Easter", "dopo l'Epifania", "after Carnaval", "na de zomer", "après la rentrée". Each is the
/// first working day after that holiday or season, in the next year it lies ahead of the reply.
/// Northern-hemisphere seasons; moveable feasts from the Gregorian Easter.
enum HolidayDates {
    /// A holiday or season and how to find the day after it in a given year.
    struct Rule: Sendable {
        let names: [String]
        let day: @Sendable (Int) -> CivilDate?
    }

    static let rules: [Rule] = [
        Rule(names: ["carnival", "carnaval", "karneval", "fasching", "fasnacht", "fastnacht", "carnevale", "mardi gras", "shrove tuesday"],
             day: { easter($0)?.adding(days: -45) }),  // the Thursday after Ash Wednesday
        Rule(names: ["easter", "ostern", "osterferien", "paques", "pascua", "semana santa", "pasqua", "pasquetta", "pasen", "paasvakantie", "pascoa"],
             day: { easter($0)?.adding(days: 2) }),  // the Tuesday after Easter Monday
        Rule(names: ["pentecost", "whitsun", "pfingsten", "pentecote", "pentecostes", "pentecoste", "pinksteren"],
             day: { easter($0)?.adding(days: 51) }),
        Rule(names: ["epiphany", "epifania", "befana", "dreikonig", "dreikonigstag", "heilige drei konige", "epiphanie", "reyes", "dia de reyes",
                     "driekoningen", "dia de reis"],
             day: { CivilDate(year: $0, month: 1, day: 7) }),
        Rule(names: ["christmas", "new year", "the holidays", "year end", "weihnachten", "neujahr", "jahreswechsel", "feiertagen", "noel",
                     "nouvel an", "les fetes", "fetes de fin d annee", "navidad", "ano nuevo", "las fiestas", "fin de ano", "natale", "capodanno",
                     "le feste", "feste di fine anno", "kerst", "kerstmis", "nieuwjaar", "feestdagen", "jaarwisseling", "natal", "ano novo",
                     "as festas", "fim de ano", "festas de fim de ano"],
             day: { CivilDate(year: $0, month: 1, day: 7) }),
        Rule(names: ["summer", "summer break", "summer holidays", "sommer", "sommerpause", "sommerferien", "sommerurlaub", "l ete",
                     "vacances d ete", "la rentree", "verano", "vacaciones de verano", "l estate", "ferie estive", "ferragosto",
                     "zomer", "zomervakantie", "bouwvak", "verao", "ferias de verao"],
             day: { CivilDate(year: $0, month: 9, day: 1) }),
        Rule(names: ["thanksgiving"],
             day: { year in CivilDate(year: year, month: 10, day: 31)?.next(weekday: 4).adding(days: 21 + 4) }),  // the Monday after
    ]

    /// Words that put the holiday before the resume day ("after Easter") rather than after it.
    static let before: Set<String> = ["before", "vor", "avant", "antes", "prima", "voor", "until", "bis"]

    /// The folded search keys of every rule's names, computed once.
    static let keys: [[String]] = rules.map { $0.names.map(PhraseText.key) }

    /// The resume day for the first holiday named in `words` (folded text), the next one after `reference`;
    /// nil when none is named, or when it is named as a limit ("before Easter").
    static func resume(in words: String, reference: CivilDate) -> CivilDate? {
        let padded = " " + words + " "
        var best: (position: String.Index, rule: Rule)?
        for (rule, ruleKeys) in zip(rules, keys) {
            for key in ruleKeys {
                guard let range = padded.range(of: key) else { continue }
                if best.map({ range.lowerBound < $0.position }) ?? true { best = (range.lowerBound, rule) }
            }
        }
        guard let (position, rule) = best else { return nil }
        let previous = padded[..<position].split(separator: " ").suffix(2).map(String.init)
        if previous.contains(where: before.contains) { return nil }
        for year in reference.year...(reference.year + 1) {
            if let day = rule.day(year), reference < day { return day }
        }
        return nil
    }

    /// Easter Sunday of `year` (the anonymous Gregorian computus).
    static func easter(_ year: Int) -> CivilDate? {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }
}
