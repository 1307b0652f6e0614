/// The values of the built-in template names (`{{sender.name}}`, `{{step}}`, ...) for one message.
public struct Builtins: Sendable, Equatable {
    /// `{{sender.name}}`: the sender's display name.
    public var senderName: String
    /// `{{sender.email}}`: the sender's address.
    public var senderEmail: String
    /// `{{sender.postal_address}}`: the sender's postal address (CAN-SPAM).
    public var senderPostalAddress: String
    /// `{{step}}`: the 1-based number of the step being rendered.
    public var step: Int
    /// `{{steps_total}}`: how many steps the sequence has.
    public var stepsTotal: Int
    /// `{{attempts}}`: how many messages were already sent to this prospect.
    public var attempts: Int
    /// `{{days_since_first}}`: whole days since the first message went to this prospect.
    public var daysSinceFirst: Int
    /// `{{unsubscribe_line}}`: the one-line opt-out text the caller supplies.
    public var unsubscribeLine: String

    /// Creates the built-in values for one message.
    public init(
        senderName: String,
        senderEmail: String,
        senderPostalAddress: String,
        step: Int,
        stepsTotal: Int,
        attempts: Int,
        daysSinceFirst: Int,
        unsubscribeLine: String
    ) {
        self.senderName = senderName
        self.senderEmail = senderEmail
        self.senderPostalAddress = senderPostalAddress
        self.step = step
        self.stepsTotal = stepsTotal
        self.attempts = attempts
        self.daysSinceFirst = daysSinceFirst
        self.unsubscribeLine = unsubscribeLine
    }

    /// Every built-in name a template may use, in documentation order.
    public static let names: [String] = [
        "sender.name", "sender.email", "sender.postal_address",
        "step", "steps_total", "attempts", "days_since_first", "unsubscribe_line",
    ]

    /// True when `name` (already normalised) is spelled like a built-in: it has a `.` or is an exact built-in name.
    static func looksBuiltin(_ name: String) -> Bool {
        name.contains(".") || names.contains(name)
    }

    /// The value of the built-in `name`, or nil when there is no such built-in.
    func value(of name: String) -> String? {
        switch name {
        case "sender.name": senderName
        case "sender.email": senderEmail
        case "sender.postal_address": senderPostalAddress
        case "step": String(step)
        case "steps_total": String(stepsTotal)
        case "attempts": String(attempts)
        case "days_since_first": String(daysSinceFirst)
        case "unsubscribe_line": unsubscribeLine
        default: nil
        }
    }
}
