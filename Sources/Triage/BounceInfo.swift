/// The details of a bounce: whether the address is dead, the status code, the failed recipients and why.
public struct BounceInfo: Sendable, Equatable {
    /// True when no more mail should go to the address: it is dead (unknown user or domain, the
    /// server gave up after days), refused for spam, policy or authentication, or failed for good
    /// (5.x.x, or a report whose Action is `failed`) without a softer cause.
    public var permanent: Bool
    /// The enhanced status code ("5.1.1") or, failing that, the SMTP reply code ("550"), when one was found.
    public var status: String?
    /// The failed recipient addresses, lowercased, in report order.
    public var recipients: [String]
    /// A human-readable reason for the verdict.
    public var reason: String
    /// Why it bounced, as one of a fixed set of causes.
    public var cause: BounceCause
    /// What a careful sender does next: follows from `cause`, and for `other` from permanence.
    public var action: BounceAction { cause == .other ? (permanent ? .stop : .retry) : cause.action }

    /// Creates bounce details.
    public init(permanent: Bool, status: String?, recipients: [String], reason: String, cause: BounceCause = .other) {
        self.cause = cause
        self.permanent = permanent
        self.status = status
        self.recipients = recipients
        self.reason = reason
    }
}
