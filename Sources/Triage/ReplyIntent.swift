/// What a person's reply asks for, judged only on their own new words.
public enum ReplyIntent: String, Sendable, Codable, CaseIterable {
    /// An explicit "not interested": close the prospect.
    case no
    /// An explicit request to stop emailing / unsubscribe / erase data: suppress the address.
    case remove
    /// Interest: a person takes over.
    case positive
    /// "Not now": snooze, until `laterDate` when one was given.
    case later
    /// "Talk to someone else", with `referralAddress` when one was given.
    case referral
    /// None of the above, or conflicting signals: goes to review, never closes a prospect.
    case unclear
}
