public import Foundation

/// When messages may go out: a daily window and weekdays in the prospect's time zone, a daily
/// cap for the mailbox, and a minimum gap with jitter between two messages.
public struct SendingPolicy: Sendable, Equatable {
    /// The time zone for prospects without their own, and for counting the daily cap.
    public var defaultTimeZone: TimeZone
    /// Minutes after local midnight when sending may start.
    public var windowStart: Int
    /// Minutes after local midnight when sending must stop (1440 = midnight at the day's end).
    public var windowEnd: Int
    /// ISO weekdays (1 = Monday ... 7 = Sunday) on which sending is allowed.
    public var weekdays: Set<Int>
    /// At most this many messages per day (in `defaultTimeZone`).
    public var dailyCap: Int
    /// At least this many seconds between two messages.
    public var minGapSeconds: Int
    /// Plus a deterministic 0...jitterSeconds per message.
    public var jitterSeconds: Int
    /// Count step delays in allowed weekdays instead of calendar days.
    public var businessDays: Bool

    /// Creates a policy; values are expected to be validated by the config loader.
    public init(defaultTimeZone: TimeZone, windowStart: Int, windowEnd: Int, weekdays: Set<Int>, dailyCap: Int,
                minGapSeconds: Int, jitterSeconds: Int, businessDays: Bool) {
        self.defaultTimeZone = defaultTimeZone
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.weekdays = weekdays
        self.dailyCap = dailyCap
        self.minGapSeconds = minGapSeconds
        self.jitterSeconds = jitterSeconds
        self.businessDays = businessDays
    }
}
