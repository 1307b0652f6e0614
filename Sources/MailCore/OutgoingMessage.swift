public import Foundation

/// Everything needed to compose one outgoing email; the writer validates it and renders RFC 5322 bytes.
public struct OutgoingMessage: Sendable {
    /// The sender (honest From, per CAN-SPAM).
    public var from: MailAddress
    /// The recipients; at least one is required.
    public var to: [MailAddress]
    /// Where replies should go, when not the sender.
    public var replyTo: MailAddress?
    /// The subject, any Unicode (encoded words are used when needed).
    public var subject: String
    /// The instant the message is dated.
    public var date: Date
    /// The UTC offset, in seconds, shown in the Date header (e.g. -18000 for -0500).
    public var utcOffsetSeconds: Int
    /// This message's own Message-ID.
    public var messageID: MessageID
    /// The Message-ID this message replies to (the previous step), if any.
    public var inReplyTo: MessageID?
    /// The whole thread so far, oldest first.
    public var references: [MessageID]
    /// The opt-out address, e.g. "mailto:unsubscribe@example.com?subject=unsubscribe".
    public var listUnsubscribeMailto: String?
    /// An https:// one-click opt-out URL; only when set is List-Unsubscribe-Post emitted.
    public var listUnsubscribeURL: String?
    /// The plain-text body; always sent as a text/plain; charset=utf-8 part.
    public var textBody: String
    /// An optional HTML alternative.
    public var htmlBody: String?
    /// Additional headers, written in order after the standard ones.
    public var extraHeaders: [HeaderField]

    /// Creates a message; optional parts default to absent.
    public init(
        from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String, date: Date,
        utcOffsetSeconds: Int = 0, messageID: MessageID, inReplyTo: MessageID? = nil, references: [MessageID] = [],
        listUnsubscribeMailto: String? = nil, listUnsubscribeURL: String? = nil, textBody: String,
        htmlBody: String? = nil, extraHeaders: [HeaderField] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.listUnsubscribeMailto = listUnsubscribeMailto
        self.listUnsubscribeURL = listUnsubscribeURL
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.extraHeaders = extraHeaders
    }
}
