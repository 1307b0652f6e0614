/// What the bounce detector found: a failure or delay, or a delivery-success notice.
enum BounceVerdict: Sendable, Equatable {
    /// A failure or delay notice.
    case bounce(BounceInfo, [String])
    /// A delivery-success (or relayed) notice: not a bounce.
    case success([String])
}
