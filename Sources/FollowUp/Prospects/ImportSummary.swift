/// What an import did, for the command's report.
public struct ImportSummary: Sendable, Equatable {
    /// New prospects enrolled in the sequence.
    public var added = 0
    /// Known prospects whose fields changed.
    public var updated = 0
    /// Known prospects whose fields were already the same.
    public var unchanged = 0
    /// Rows for addresses that are suppressed, unsubscribed, bounced or closed: kept out of the sequence.
    public var keptOut = 0

    /// An empty summary.
    public init() {}
}
