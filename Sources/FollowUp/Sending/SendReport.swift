/// What one send run did, for the summary line and the exit code.
public struct SendReport: Sendable, Equatable {
    /// Messages the server accepted in this run.
    public var sent = 0
    /// Prospects whose address was refused for good (now `bounced`).
    public var bounced = 0
    /// Messages refused for now, to be retried later.
    public var deferred = 0
    /// Messages held for review (outcome unknown, or content refused).
    public var held = 0
    /// Messages from an earlier run whose outcome was settled now.
    public var resolved = 0
    /// Prospects skipped at the last moment (suppressed, closed, or a reply waiting).
    public var skipped = 0
    /// Planned messages left for a later run.
    public var remaining = 0
    /// Why the run stopped early, when it did.
    public var stoppedBecause: String?

    /// An empty report.
    public init() {}
}
