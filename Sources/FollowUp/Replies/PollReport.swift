/// What one `poll` did.
public struct PollReport: Sendable, Equatable {
    /// One change: whose, and what.
    public struct Change: Sendable, Equatable {
        public var prospect: String
        public var summary: String
    }

    /// Messages looked at.
    public var examined = 0
    /// Messages that belonged to a prospect (replies, bounces, auto-replies, complaints).
    public var matched = 0
    /// Our own copies (witness copies, messages from ourselves), skipped.
    public var ownCopies = 0
    /// Witness copies moved out of the mailbox, their sending settled.
    public var ownCopiesMoved = 0
    /// The outcomes, in order.
    public var changes: [Change] = []
    /// Warnings the user must see (spam complaints).
    public var warnings: [String] = []
    /// True when nothing had arrived since the last poll (no SELECT, no SEARCH was needed).
    public var nothingNew = false

    /// An empty report.
    public init() {}
}
