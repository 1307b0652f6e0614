public import Foundation

/// Where one enrolled prospect stands, as the planner needs it.
public struct PlanCandidate: Sendable, Equatable {
    /// The prospect's id in the store (or its position in a CSV for previews).
    public var prospectID: Int64
    /// The prospect's case-folded address (seeds the jitter).
    public var identity: String
    /// The prospect's time zone (the window applies there).
    public var timeZone: TimeZone
    /// The next step to send, 1-based.
    public var nextStep: Int
    /// Messages already sent to this prospect.
    public var attempts: Int
    /// When the last message went out, or nil when none did.
    public var lastSentAt: Date?
    /// When the prospect was enrolled (the first step's delay counts from here).
    public var enrolledAt: Date
    /// Nothing may go out before this (a snooze), or nil.
    public var notBefore: Date?

    /// Creates a candidate.
    public init(prospectID: Int64, identity: String, timeZone: TimeZone, nextStep: Int, attempts: Int,
                lastSentAt: Date?, enrolledAt: Date, notBefore: Date? = nil) {
        self.prospectID = prospectID
        self.identity = identity
        self.timeZone = timeZone
        self.nextStep = nextStep
        self.attempts = attempts
        self.lastSentAt = lastSentAt
        self.enrolledAt = enrolledAt
        self.notBefore = notBefore
    }
}

/// One message the planner schedules: which prospect, which step, and when.
public struct PlanEntry: Sendable, Equatable {
    /// The prospect's id.
    public var prospectID: Int64
    /// The sequence step, 1-based (beyond the last step for repeats).
    public var step: Int
    /// The message number for this prospect, 1-based.
    public var attempt: Int
    /// When the step became due (inside the window).
    public var dueAt: Date
    /// When it goes out, after the gap between messages and the daily cap.
    public var slot: Date
    /// The previous message's time (sent or planned), or nil for the first.
    public var previousAt: Date?

    /// Creates an entry.
    public init(prospectID: Int64, step: Int, attempt: Int, dueAt: Date, slot: Date, previousAt: Date?) {
        self.prospectID = prospectID
        self.step = step
        self.attempt = attempt
        self.dueAt = dueAt
        self.slot = slot
        self.previousAt = previousAt
    }
}
