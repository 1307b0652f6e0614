/// Why a message bounced, read from its status codes and from the words the reporting server
/// wrote; and so what a careful sender does next.
public enum BounceCause: String, Sendable, CaseIterable {
    /// The mailbox does not exist (5.1.1, "no such user", "recipient not found").
    case userUnknown = "user_unknown"
    /// The domain or host does not exist or takes no mail (5.1.2, 5.4.4, "host or domain name not found").
    case hostUnknown = "host_unknown"
    /// The mailbox is over its quota (x.2.2).
    case mailboxFull = "mailbox_full"
    /// The message is larger than the server takes (5.3.4, 5.2.3).
    case messageTooLarge = "message_too_large"
    /// Refused as spam, or by a policy, block list or reputation check (5.7.1 and the like).
    case blocked
    /// Refused because SPF, DKIM or DMARC failed (5.7.20 to 5.7.26).
    case authentication
    /// Too many messages or connections from us for now (4.7.28, 421, "rate limited").
    case rateLimited = "rate_limited"
    /// Greylisting: the server asks every new sender to come back later.
    case greylisted
    /// The sending server gave up after trying for days (4.4.7, "retry timeout exceeded").
    case expired
    /// None of the above.
    case other

    /// What a careful sender does after a bounce with this cause (for `other`, `BounceInfo.action`
    /// decides by whether the failure was permanent).
    public var action: BounceAction {
        switch self {
        case .userUnknown, .hostUnknown, .expired: .stop
        case .blocked, .authentication: .stopAndWarn
        case .mailboxFull, .messageTooLarge, .rateLimited, .greylisted: .retry
        case .other: .retry
        }
    }

    /// The cause in a few words, for messages.
    public var words: String {
        switch self {
        case .userUnknown: "the address does not exist"
        case .hostUnknown: "the domain does not exist or takes no mail"
        case .mailboxFull: "the mailbox is full"
        case .messageTooLarge: "the message is larger than their server takes"
        case .blocked: "refused as spam or by a policy of their server"
        case .authentication: "refused because SPF, DKIM or DMARC failed for your domain"
        case .rateLimited: "their server is limiting how much you may send for now"
        case .greylisted: "greylisted: their server asks new senders to come back later"
        case .expired: "the sending server gave up after trying for days"
        case .other: "delivery failed"
        }
    }
}

/// What to do after a bounce.
public enum BounceAction: String, Sendable {
    /// Stop writing to this address for good.
    case stop
    /// Try again later; the address is fine.
    case retry
    /// Stop writing to this address, and warn: the refusal speaks of the sending mailbox's reputation or setup.
    case stopAndWarn = "stop_and_warn"
}
