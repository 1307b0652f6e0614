/// A date found in text: where it starts (token index) and the day it names.
struct DateMention: Sendable, Equatable {
    /// Index of the first token of the mention.
    var tokenIndex: Int
    /// The day named.
    var date: CivilDate
    /// True when only a weekday was given ("back on Monday").
    var weekdayOnly: Bool
}
