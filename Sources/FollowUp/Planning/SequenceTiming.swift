/// The timing of a sequence: each step's delay, and what happens once the last step is sent.
public struct SequenceTiming: Sendable, Equatable {
    /// What happens after the last step when nobody answered.
    public enum AfterLastStep: Sendable, Equatable {
        /// The sequence ends.
        case stop
        /// The last step's template goes out again every `everyDays` days while fewer than
        /// `maxAttempts` messages in all were sent.
        case repeatLast(everyDays: Int, maxAttempts: Int)
    }

    /// Days before each step, counted from the previous message (from enrolment for the first).
    public var delays: [Int]
    /// The policy after the last step.
    public var afterLastStep: AfterLastStep

    /// Creates a timing; `delays` must not be empty.
    public init(delays: [Int], afterLastStep: AfterLastStep) {
        self.delays = delays
        self.afterLastStep = afterLastStep
    }

    /// The number of distinct steps.
    public var stepCount: Int { delays.count }

    /// Days to wait before step `step` (1-based; beyond the last step, the repeat interval).
    public func delay(beforeStep step: Int) -> Int? {
        if step >= 1 && step <= delays.count { return delays[step - 1] }
        if case .repeatLast(let every, _) = afterLastStep, step > delays.count { return every }
        return nil
    }

    /// True when a message number `attempt` (1-based) for step `step` may still be sent.
    public func allows(step: Int, attempt: Int) -> Bool {
        if step >= 1 && step <= delays.count { return true }
        if case .repeatLast(_, let maxAttempts) = afterLastStep { return step > delays.count && attempt <= maxAttempts }
        return false
    }

    /// The 0-based template index for `step` (repeats use the last template).
    public func templateIndex(forStep step: Int) -> Int {
        max(0, min(step, delays.count) - 1)
    }
}
