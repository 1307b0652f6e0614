public import Foundation

/// A message read from raw bytes: its headers, MIME tree and the conveniences triage needs.
public struct ParsedMessage: Sendable {
    /// Top-level header fields in order, unfolded, with encoded words decoded.
    public var headers: [HeaderField]
    /// Top-level header fields in order, unfolded but not RFC 2047 decoded (8-bit bytes read as UTF-8 else Windows-1252).
    public var rawHeaders: [HeaderField]
    /// The MIME tree; for a non-MIME message, a single text/plain part.
    public var root: MIMEPart
    /// The readable text: the first text/plain part, else text extracted from the first HTML part ("\n" line ends).
    public var bestText: String

    /// Creates a parsed message (the reader fills it in).
    public init(headers: [HeaderField], rawHeaders: [HeaderField], root: MIMEPart, bestText: String) {
        self.headers = headers
        self.rawHeaders = rawHeaders
        self.root = root
        self.bestText = bestText
    }

    /// The decoded value of the first header named `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.first(named: name)
    }

    /// The decoded values of every header named `name` (case-insensitive), in order.
    public func headers(named name: String) -> [String] {
        headers.all(named: name)
    }

    /// The decoded Subject, if present.
    public var subject: String? { header("Subject") }

    /// The first address in From, with its display name decoded; nil when absent or unreadable.
    public var from: MailAddress? {
        rawHeaders.first(named: "From").flatMap { MailAddress.list(parsing: $0).first }
    }

    /// Every address in To.
    public var to: [MailAddress] {
        rawHeaders.all(named: "To").flatMap { MailAddress.list(parsing: $0) }
    }

    /// The Message-ID without angle brackets.
    public var messageID: String? {
        rawHeaders.first(named: "Message-ID").flatMap { MessageID.list(parsing: $0).first }
    }

    /// The ids in In-Reply-To, without angle brackets.
    public var inReplyTo: [String] {
        rawHeaders.first(named: "In-Reply-To").map { MessageID.list(parsing: $0) } ?? []
    }

    /// The ids in References, oldest first, without angle brackets.
    public var references: [String] {
        rawHeaders.first(named: "References").map { MessageID.list(parsing: $0) } ?? []
    }

    /// The parsed Date header, if present and readable.
    public var date: Date? {
        header("Date").flatMap(RFC5322Date.parse)
    }

    /// The first delivery-status report in the MIME tree (outside attached messages), for bounce parsing.
    public var deliveryStatus: DeliveryStatus? {
        MIMEWalker.firstDeliveryStatus(in: root)
    }

    /// Messages attached as message/rfc822, message/global or text/rfc822-headers parts (outside other attached messages).
    public var attachedMessages: [ParsedMessage] {
        MIMEWalker.attachedMessages(in: root)
    }
}
