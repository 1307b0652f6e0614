/// Month and weekday names (folded, accents removed) in English, German, French, Spanish, Italian, Dutch and Portuguese.
enum DateWords {
    /// Folded month name or abbreviation → month number.
    static let months: [String: Int] = {
        let lists: [[String]] = [
            ["january", "jan", "januar", "janner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro"],
            ["february", "feb", "februar", "fevrier", "fevr", "fev", "febrero", "febbraio", "februari", "fevereiro"],
            ["march", "mar", "marz", "maerz", "mars", "marzo", "maart", "mrt", "marco"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "mag", "mei", "maio"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["august", "aug", "aout", "agosto", "ago", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "decembre", "diciembre", "dic", "dicembre", "dezembro"],
        ]
        var map: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names { map[name] = index + 1 }
        }
        return map
    }()

    /// Abbreviations that are also ordinary words; they count as months only right next to a day number.
    static let ambiguousMonths: Set<String> = ["mar", "may", "mai", "set", "out", "gen", "mag", "dec", "sept", "ago", "jan"]

    /// Folded weekday name → 1 (Monday) … 7 (Sunday).
    static let weekdays: [String: Int] = {
        let lists: [[String]] = [
            ["monday", "montag", "lundi", "lunes", "lunedi", "maandag", "segunda"],
            ["tuesday", "dienstag", "mardi", "martes", "martedi", "dinsdag", "terca"],
            ["wednesday", "mittwoch", "mercredi", "miercoles", "mercoledi", "woensdag", "quarta"],
            ["thursday", "donnerstag", "jeudi", "jueves", "giovedi", "donderdag", "quinta"],
            ["friday", "freitag", "vendredi", "viernes", "venerdi", "vrijdag", "sexta"],
            ["saturday", "samstag", "samedi", "sabado", "sabato", "zaterdag"],
            ["sunday", "sonntag", "dimanche", "domingo", "domenica", "zondag"],
        ]
        var map: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names { map[name] = index + 1 }
        }
        return map
    }()

    /// Ordinal suffixes written right after a day number ("7th", "1er", "1º").
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "o", "a", "ste", "te", "eme"]

    /// Words that join day, month and year ("7 de diciembre de 2026", "the 7th of December").
    static let fillers: Set<String> = ["de", "del", "of", "the", "den", "le", "el", "il", "op"]
}
