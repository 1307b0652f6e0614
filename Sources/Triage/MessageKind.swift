/// What sort of message arrived: a delivery failure, an automatic reply, a spam complaint or a person's reply.
public enum MessageKind: String, Sendable, Codable {
    /// A delivery-status report or MTA failure/delay notice.
    case bounce
    /// An automatic reply (out of office, autoresponder, delivery-success notice).
    case autoReply = "auto_reply"
    /// A spam complaint or abuse feedback report (RFC 5965 ARF or a provider feedback loop).
    case complaint
    /// A reply written by a person.
    case human
}
