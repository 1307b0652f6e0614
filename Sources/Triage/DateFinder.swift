/// Finds the dates named in free text (seven languages, numeric and written forms, relative weekdays).
struct DateFinder {
    let tokens: [DateToken]
    /// The reference day (the message date); yearless and relative dates need it.
    let reference: CivilDate?
    /// Resolve "12/07/2026" as month/day (US English) instead of day/month.
    let monthFirst: Bool

    init(text: String, reference: CivilDate?, monthFirst: Bool) {
        tokens = DateToken.tokenize(TextFold.fold(TextFold.capped(text)))
        self.reference = reference
        self.monthFirst = monthFirst
    }

    /// Every date mention in order.
    func mentions(limit: Int = 200) -> [DateMention] {
        var found: [DateMention] = []
        var i = 0
        while i < tokens.count, found.count < limit {
            if let (mention, next) = match(at: i) {
                found.append(mention)
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    private func token(_ i: Int) -> DateToken? {
        i >= 0 && i < tokens.count ? tokens[i] : nil
    }

    private func match(at i: Int) -> (DateMention, Int)? {
        guard let t = token(i) else { return nil }
        if t.isNumber {
            if t.text.contains(where: { $0 == "." || $0 == "/" || $0 == "-" }) { return numeric(t, at: i) }
            return dayMonth(at: i)
        }
        if let weekday = DateWords.weekdays[t.text] {
            // "Monday 7 December" / "Monday, December 7": the full date wins.
            var j = i + 1
            if let filler = token(j), DateWords.fillers.contains(filler.text) { j += 1 }
            if let (mention, next) = match(at: j), !mention.weekdayOnly {
                return (DateMention(tokenIndex: i, date: mention.date, weekdayOnly: false), next)
            }
            guard let ref = reference else { return nil }
            return (DateMention(tokenIndex: i, date: ref.next(weekday: weekday), weekdayOnly: true), i + 1)
        }
        if let month = DateWords.months[t.text] {
            return monthDay(month: month, at: i)
        }
        return nil
    }

    /// "2026-12-07", "07.12.2026", "7.12.", "12/07/2026", "7/12".
    private func numeric(_ t: DateToken, at i: Int) -> (DateMention, Int)? {
        let separator: Character = t.text.contains(".") ? "." : (t.text.contains("/") ? "/" : "-")
        let parts = t.text.split(separator: separator, omittingEmptySubsequences: false).map { Int($0) }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        let n = parts.compactMap { $0 }
        if n.count == 3, t.text.split(separator: separator).first?.count == 4 {
            return CivilDate(year: n[0], month: n[1], day: n[2]).map { (DateMention(tokenIndex: i, date: $0, weekdayOnly: false), i + 1) }
        }
        guard n.count == 2 || n.count == 3 else { return nil }
        if n.count == 2, separator == "." && !t.trailingDot { return nil }
        if n.count == 2, separator == "-" { return nil }
        var day = n[0]
        var month = n[1]
        if separator != "." {
            if (monthFirst && n[0] <= 12) || n[1] > 12 { day = n[1]; month = n[0] }
        }
        let year: Int? = n.count == 3 ? (n[2] < 100 ? 2000 + n[2] : n[2]) : nil
        return resolve(day: day, month: month, year: year).map { (DateMention(tokenIndex: i, date: $0, weekdayOnly: false), i + 1) }
    }

    /// "7 December", "7th of December 2026", "7. Dezember", "7 de diciembre de 2026".
    private func dayMonth(at i: Int) -> (DateMention, Int)? {
        guard let t = token(i), t.text.count <= 2, let day = Int(t.text), (1...31).contains(day) else { return nil }
        var j = i + 1
        if let s = token(j), s.attached, !s.isNumber, DateWords.ordinalSuffixes.contains(s.text) { j += 1 }
        var fillers = 0
        while let f = token(j), DateWords.fillers.contains(f.text), fillers < 2 { j += 1; fillers += 1 }
        guard let m = token(j), !m.isNumber, let month = DateWords.months[m.text] else { return nil }
        j += 1
        let (year, next) = yearAfter(j)
        return resolve(day: day, month: month, year: year).map { (DateMention(tokenIndex: i, date: $0, weekdayOnly: false), next) }
    }

    /// "December 7", "Dec 7th, 2026".
    private func monthDay(month: Int, at i: Int) -> (DateMention, Int)? {
        var j = i + 1
        if let f = token(j), f.text == "the" { j += 1 }
        guard let d = token(j), d.isNumber, d.text.count <= 2, let day = Int(d.text), (1...31).contains(day) else { return nil }
        j += 1
        if let s = token(j), s.attached, !s.isNumber, DateWords.ordinalSuffixes.contains(s.text) { j += 1 }
        let (year, next) = yearAfter(j)
        return resolve(day: day, month: month, year: year).map { (DateMention(tokenIndex: i, date: $0, weekdayOnly: false), next) }
    }

    private func yearAfter(_ j: Int) -> (Int?, Int) {
        var k = j
        if let f = token(k), f.text == "de" || f.text == "del" { k += 1 }
        if let y = token(k), y.isNumber, y.text.count == 4, let year = Int(y.text), (1970...2200).contains(year) {
            return (year, k + 1)
        }
        return (nil, j)
    }

    /// A valid day; without a year, the reference year (or the next one when the day is well past).
    private func resolve(day: Int, month: Int, year: Int?) -> CivilDate? {
        if let year { return CivilDate(year: year, month: month, day: day) }
        guard let ref = reference else { return nil }
        guard let candidate = CivilDate(year: ref.year, month: month, day: day) else {
            return CivilDate(year: ref.year + 1, month: month, day: day)
        }
        if candidate.dayNumber < ref.dayNumber - 14 { return CivilDate(year: ref.year + 1, month: month, day: day) }
        return candidate
    }

    /// The folded words just before token `index` (at most `count`).
    func wordsBefore(_ index: Int, count: Int) -> [String] {
        let start = max(0, index - count)
        guard start < index, index <= tokens.count else { return [] }
        return tokens[start..<index].map(\.text)
    }
}
