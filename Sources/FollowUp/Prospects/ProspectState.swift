/// Where a prospect stands; the names are the contract's (`followup status --json`).
public enum ProspectState: String, Sendable, CaseIterable, Codable {
    /// In the sequence: follow-ups keep going.
    case active
    /// Paused until a date (an out-of-office with a return date, or "try me later").
    case snoozed
    /// A person answered (positive or unclear): the sequence stopped and a human takes over.
    case replied
    /// An explicit "not interested": never emailed again unless re-enrolled by hand.
    case closedNo = "closed_no"
    /// Asked to be removed: on the suppression list for good.
    case unsubscribed
    /// A permanent delivery failure.
    case bounced
    /// A reply the classifier could not settle; waits for a person.
    case needsReview = "needs_review"

    /// True for states that a re-import must never turn back into `active`.
    public var isClosed: Bool {
        switch self {
        case .closedNo, .unsubscribed, .bounced: return true
        case .active, .snoozed, .replied, .needsReview: return false
        }
    }
}
