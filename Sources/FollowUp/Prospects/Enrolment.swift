public import Foundation

/// A prospect's progress through the sequence.
public struct Enrolment: Sendable, Equatable {
    /// The prospect's id.
    public var prospectID: Int64
    /// When the prospect joined the sequence.
    public var enrolledAt: Date
    /// The next step to send, 1-based.
    public var nextStep: Int
    /// Messages sent so far.
    public var attempts: Int
    /// When the first message went out.
    public var firstSentAt: Date?
    /// When the last message went out.
    public var lastSentAt: Date?
    /// The subject of the first message (follow-ups reply to it).
    public var firstSubject: String?
    /// After a temporary refusal: not before this time.
    public var retryAfter: Date?

    /// Creates an enrolment.
    public init(prospectID: Int64, enrolledAt: Date, nextStep: Int = 1, attempts: Int = 0, firstSentAt: Date? = nil,
                lastSentAt: Date? = nil, firstSubject: String? = nil, retryAfter: Date? = nil) {
        self.prospectID = prospectID
        self.enrolledAt = enrolledAt
        self.nextStep = nextStep
        self.attempts = attempts
        self.firstSentAt = firstSentAt
        self.lastSentAt = lastSentAt
        self.firstSubject = firstSubject
        self.retryAfter = retryAfter
    }
}
