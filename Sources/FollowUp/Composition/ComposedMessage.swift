public import Foundation

/// One message ready to send: the exact bytes and what identifies them.
public struct ComposedMessage: Sendable, Equatable {
    /// The recipient's case-folded address.
    public var identity: String
    /// The recipient's address as written.
    public var recipient: String
    /// The SMTP envelope sender.
    public var envelopeFrom: String
    /// The sequence step (1-based; beyond the last for repeats).
    public var step: Int
    /// The message number for this prospect (1-based).
    public var attempt: Int
    /// The Message-ID, without angle brackets.
    public var messageID: String
    /// The decoded subject.
    public var subject: String
    /// The `Date:` of the message.
    public var date: Date
    /// The complete RFC 5322 message, CRLF line endings: what SMTP transmits.
    public var bytes: [UInt8]

    /// Creates a message record (the composer makes real ones).
    public init(identity: String, recipient: String, envelopeFrom: String, step: Int, attempt: Int, messageID: String,
                subject: String, date: Date, bytes: [UInt8]) {
        self.identity = identity
        self.recipient = recipient
        self.envelopeFrom = envelopeFrom
        self.step = step
        self.attempt = attempt
        self.messageID = messageID
        self.subject = subject
        self.date = date
        self.bytes = bytes
    }
}

/// Why a message could not be composed: the template's errors or an unsafe header value.
public struct ComposeFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line per problem, each naming the file or field and the prospect.
    public var lines: [String]

    /// Creates a failure.
    public init(lines: [String]) {
        self.lines = lines
    }

    /// The lines joined.
    public var description: String { lines.joined(separator: "\n") }
}
