public import Foundation

/// Finds the date an auto-reply says its sender is back, in seven languages and common date formats.
public enum ReturnDateExtractor {
    /// Words that announce a return ("back on", "zurück am", "de retour le", …), folded.
    static let returnCues: Set<String> = [
        "back", "return", "returning", "returns", "returned", "zuruck", "wieder", "ab", "retour", "rentre", "rentrerai", "reviens",
        "regreso", "regresare", "vuelta", "volvere", "vuelvo", "rientro", "rientrero", "ritorno", "torno", "terug", "weer", "vanaf",
        "volto", "voltarei", "retorno", "regresso", "available", "erreichbar", "disponible", "disponibile", "beschikbaar", "disponivel",
        "reachable", "resume", "reprendrai", "dal", "desde", "a partir",
    ]
    /// Words that end an absence period ("until", "bis", "jusqu'au", "hasta", …), folded.
    static let untilCues: Set<String> = ["until", "till", "til", "through", "thru", "bis", "jusqu", "jusqu'au", "hasta", "fino", "tot", "ate", "einschliesslich"]

    /// The return date (yyyy-MM-dd) stated in `text`, read relative to `reference` (the message date); nil when none is given.
    public static func find(in text: String, reference: Date?) -> String? {
        findDate(in: text, reference: reference.flatMap { CivilDate($0) }).map(\.iso)
    }

    static func findDate(in text: String, reference: CivilDate?) -> CivilDate? {
        let monthFirst = LanguageGuess.guess(text) == "en"
        let finder = DateFinder(text: text, reference: reference, monthFirst: monthFirst)
        let mentions = finder.mentions()
        guard !mentions.isEmpty else { return nil }
        func cued(_ cues: Set<String>, _ window: Int) -> DateMention? {
            mentions.first { mention in finder.wordsBefore(mention.tokenIndex, count: window).contains { cues.contains($0) } }
        }
        if let m = cued(returnCues, 5) { return m.date }
        if let m = cued(untilCues, 4) { return m.date }
        let full = mentions.filter { !$0.weekdayOnly }
        let candidates = full.isEmpty ? mentions : full
        if let ref = reference {
            return candidates.filter { $0.date >= ref }.map(\.date).max() ?? candidates.last?.date
        }
        return candidates.last?.date
    }
}
