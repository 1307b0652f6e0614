/// The step of an SMTP transaction at which the server refused a message.
public enum SMTPStage: Sendable, Equatable, CustomStringConvertible {
    /// `MAIL FROM` (the sender address or the session).
    case mailFrom
    /// `RCPT TO` for this recipient.
    case recipient(String)
    /// The `DATA` command itself.
    case data
    /// The message content, after the final dot.
    case message

    /// `RCPT TO <a@b>`, `MAIL FROM`, `DATA`, `the message`.
    public var description: String {
        switch self {
        case .mailFrom: return "MAIL FROM"
        case .recipient(let address): return "RCPT TO <\(address)>"
        case .data: return "DATA"
        case .message: return "the message data"
        }
    }
}

/// What happened to one message handed to `SMTPSender.send`.
///
/// The four cases are the four things a caller must tell apart to send exactly once: delivered;
/// refused (nothing delivered, the reply says whether to retry); never sent (safe to retry);
/// and unknown (the data went out but no verdict came back: check before sending again).
public enum SMTPSendResult: Sendable, Equatable {
    /// The server took responsibility for the message; the reply is its final `250`.
    case accepted(SMTPReply)
    /// The server refused at `stage`; nothing was delivered to anyone.
    case refused(stage: SMTPStage, reply: SMTPReply)
    /// The transaction never reached the message data; nothing was delivered.
    case notSent(MailTransportError)
    /// The message data was (at least partly) transmitted and no verdict arrived: the server may
    /// or may not have accepted it.
    case unknown(MailTransportError)
}
