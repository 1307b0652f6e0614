/// Where one message stands in the send ledger. Every message row has exactly one of these, and
/// moves only forward: `sending` → `transmitting` → `sent`, `refused` or `held` (a held message is
/// settled by hand, back to `transmitting` for a new check, or out of the ledger).
public enum MessageStatus: String, Sendable, CaseIterable {
    /// The intent is recorded; no byte has gone to the server yet.
    case sending
    /// The message data is going, or went, to the server; the answer is not recorded yet.
    case transmitting
    /// The server accepted the message.
    case sent
    /// The server refused the message for good.
    case refused
    /// Whether the server accepted it is unknown; a person decides.
    case held

    /// Statuses of a message that went, or may have gone, out: it counts against caps and gaps.
    public static let mayHaveGoneOut: [MessageStatus] = [.sent, .sending, .transmitting]
    /// Statuses of a message whose outcome is not known yet.
    public static let inFlight: [MessageStatus] = [.sending, .transmitting]
}
