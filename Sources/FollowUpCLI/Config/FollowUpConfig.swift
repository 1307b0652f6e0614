import MailTransport

/// The whole config file, validated: every value here is usable as it is.
struct FollowUpConfig: Sendable {
    /// The config file's path as given, and its directory (relative paths resolve against it).
    let file: String
    /// The directory holding the config file.
    let directory: String
    /// Who sends, and how recipients opt out.
    let sender: SenderSettings
    /// The SMTP server, when configured (`send` and `doctor` need it; `preview` does not).
    let smtp: SMTPSettings?
    /// The IMAP server, when configured (`poll` and `doctor` need it).
    let imap: IMAPSettings?
    /// The OAuth2 provider `followup auth login` signs in with, when configured.
    let oauth: OAuthSettings?
    /// The store's path, resolved against the config's directory.
    let storePath: String
    /// Sync every store commit to disk (survives power cuts), or only survive process crashes.
    let storeFullSync: Bool
    /// When messages may go out.
    let schedule: ScheduleSettings
    /// The sequence's steps, in order.
    let steps: [StepSettings]
    /// What happens after the last step when nobody answered.
    let afterLastStep: AfterLastStep
}

/// The sender's identity and opt-out addresses (CAN-SPAM: honest From, postal address, opt-out).
struct SenderSettings: Sendable, Equatable {
    let name: String
    let email: String
    let postalAddress: String
    /// A `mailto:` target for `List-Unsubscribe`, which `poll` watches.
    let unsubscribeMailto: String?
    /// An HTTPS one-click unsubscribe URL (RFC 8058), only when the user runs such an endpoint.
    let unsubscribeURL: String?
}

/// SMTP settings: the server plus how to get its password.
struct SMTPSettings: Sendable {
    let server: MailServer
    let passwordSource: PasswordSource?
    /// The name announced in EHLO (defaults to the sender's domain).
    let heloName: String
    /// The extra envelope recipient that proves acceptance (normally the sender), or nil for none.
    let witnessAddress: String?
    /// How long the next run waits for a witness copy before deciding a message was never accepted.
    let witnessWaitSeconds: Int
}

/// IMAP settings: the server, its password, and the mailboxes to read and to file sent copies in.
struct IMAPSettings: Sendable {
    let server: MailServer
    let passwordSource: PasswordSource?
    let mailbox: String
    /// Where to APPEND a copy of each sent message, if anywhere.
    let sentMailbox: String?
    /// Where witness copies go once their message is settled as sent; nil leaves them in `mailbox`.
    var witnessMailbox: String? = nil
}

/// The sending window and pacing.
struct ScheduleSettings: Sendable, Equatable {
    /// IANA time zone for prospects without their own.
    let timeZone: String
    /// Minutes after midnight when sending may start and must stop (end may be 1440).
    let windowStart: Int
    let windowEnd: Int
    /// ISO weekdays (1 = Monday ... 7 = Sunday) on which sending is allowed.
    let weekdays: Set<Int>
    let dailyCap: Int
    let minGapSeconds: Int
    let jitterSeconds: Int
    /// Count delays in business days (the allowed weekdays) instead of calendar days.
    let businessDays: Bool
}

/// One step of the sequence.
struct StepSettings: Sendable, Equatable {
    /// The template's path, resolved against the config's directory.
    let template: String
    /// The template's path as written in the config (for messages).
    let templateAsWritten: String
    /// Days after the previous message (after enrolment for the first step).
    let delayDays: Int
    /// The config line that names the template, and its key (`steps[2].template`), for messages.
    var line: Int = 0
    var key: String = ""
}

/// The policy once every step went unanswered: keep trying until they answer, or stop.
enum AfterLastStep: Sendable, Equatable {
    /// Stop the sequence after the last step.
    case stop
    /// Send the last step's template again every `everyDays` days, up to `maxAttempts` messages in all.
    case repeatLast(everyDays: Int, maxAttempts: Int)
}
