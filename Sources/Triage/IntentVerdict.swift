/// The outcome of intent detection on a person's own words.
struct IntentVerdict: Sendable, Equatable {
    var intent: ReplyIntent
    var confidence: Double
    var laterDate: String?
    var referralAddress: String?
    var explanation: [String]
}
