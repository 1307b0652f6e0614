import FollowUp
import MailTransport

/// The engine's `MessageSubmitter`, over the libcurl SMTP sender (one connection for the run).
final class SMTPSubmitter: MessageSubmitter {
    private let sender: SMTPSender

    init(sender: SMTPSender) {
        self.sender = sender
    }

    /// How many connections the run opened.
    var connectionsOpened: Int { sender.connectionsOpened }
    /// True when the last message was not sent because the server refused an OAuth2 access token.
    private(set) var tokenRefused = false

    func submit(_ message: ComposedMessage, witness: String?, beforeData: @escaping () -> Bool) -> SubmissionResult {
        let recipients = [message.recipient] + (witness.map { [$0] } ?? [])
        switch sender.send(envelopeFrom: message.envelopeFrom, recipients: recipients, message: message.bytes, beforeData: beforeData) {
        case .accepted(let reply):
            return .accepted(reply: reply.description)
        case .refused(.recipient(let address), let reply) where address.lowercased() == message.recipient.lowercased():
            return .recipientRefused(permanent: reply.isPermanent, reply: reply.description)
        case .refused(.recipient(let address), let reply):
            return .notSent(reason: "the server refused the witness address \(address) (\(reply)); check [smtp] witness")
        case .refused(let stage, let reply):
            return .messageRefused(permanent: reply.isPermanent && reply.code != 421, reply: "\(stage): \(reply)")
        case .notSent(let error):
            tokenRefused = error.kind == .authenticationFailed && error.signIn != .password
            return .notSent(reason: error.description)
        case .unknown(let error):
            return .unknown(reason: error.description)
        }
    }
}
