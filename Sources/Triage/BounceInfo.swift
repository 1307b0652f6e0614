/// The details of a bounce: whether the address is dead, the status code, the failed recipients and why.
public struct BounceInfo: Sendable, Equatable {
    /// True only when the address itself is reported dead (unknown user, no such domain, other 5.x.x without a softer reason).
    public var permanent: Bool
    /// The enhanced status code ("5.1.1") or, failing that, the SMTP reply code ("550"), when one was found.
    public var status: String?
    /// The failed recipient addresses, lowercased, in report order.
    public var recipients: [String]
    /// A human-readable reason for the verdict.
    public var reason: String

    /// Creates bounce details.
    public init(permanent: Bool, status: String?, recipients: [String], reason: String) {
        self.permanent = permanent
        self.status = status
        self.recipients = recipients
        self.reason = reason
    }
}
