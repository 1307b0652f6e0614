/// The verdict on one incoming message, with the signals that decided it.
public struct Classification: Sendable, Equatable {
    /// The kind of message.
    public var kind: MessageKind
    /// Bounce details; present only when `kind` is `.bounce`.
    public var bounce: BounceInfo?
    /// Auto-reply details; present only when `kind` is `.autoReply`.
    public var autoReply: AutoReplyInfo?
    /// The complaining address when `kind` is `.complaint` and it could be found.
    public var complaintAddress: String?
    /// The reply intent; present only when `kind` is `.human`.
    public var intent: ReplyIntent?
    /// What the person wrote, without quoted text and signature; present only when `kind` is `.human`.
    public var replyText: String?
    /// For `later`: the date (yyyy-MM-dd) to resume on, when one was given.
    public var laterDate: String?
    /// For `referral` (and `remove` naming a replacement): the address the person pointed to.
    public var referralAddress: String?
    /// How sure the classifier is, 0...1.
    public var confidence: Double
    /// True when a person should look at this message before anything irreversible happens.
    public var needsReview: Bool
    /// The signals that decided the verdict, one human-readable sentence each.
    public var explanation: [String]

    /// Creates a classification; fields not given are nil / empty.
    public init(
        kind: MessageKind, bounce: BounceInfo? = nil, autoReply: AutoReplyInfo? = nil, complaintAddress: String? = nil,
        intent: ReplyIntent? = nil, replyText: String? = nil, laterDate: String? = nil, referralAddress: String? = nil,
        confidence: Double, needsReview: Bool = false, explanation: [String] = []
    ) {
        self.kind = kind
        self.bounce = bounce
        self.autoReply = autoReply
        self.complaintAddress = complaintAddress
        self.intent = intent
        self.replyText = replyText
        self.laterDate = laterDate
        self.referralAddress = referralAddress
        self.confidence = confidence
        self.needsReview = needsReview
        self.explanation = explanation
    }
}
