public import Foundation

/// Who sends, and how recipients opt out (CAN-SPAM: honest From, postal address, opt-out).
public struct SenderIdentity: Sendable, Equatable {
    /// The display name in From.
    public var name: String
    /// The address in From and the SMTP envelope.
    public var email: String
    /// Printed in every message.
    public var postalAddress: String
    /// The `List-Unsubscribe` mailto target, if any.
    public var unsubscribeMailto: String?
    /// An HTTPS one-click unsubscribe URL (RFC 8058), if the user runs one.
    public var unsubscribeURL: String?
    /// The sender's time zone: the `Date:` header's offset.
    public var timeZone: TimeZone

    /// Creates an identity.
    public init(name: String, email: String, postalAddress: String, unsubscribeMailto: String?, unsubscribeURL: String?, timeZone: TimeZone) {
        self.name = name
        self.email = email
        self.postalAddress = postalAddress
        self.unsubscribeMailto = unsubscribeMailto
        self.unsubscribeURL = unsubscribeURL
        self.timeZone = timeZone
    }

    /// The domain of `email` (Message-IDs use it).
    public var domain: String {
        email.split(separator: "@").last.map { String($0).lowercased() } ?? "localhost"
    }

    /// The one-line opt-out every message ends with.
    public var unsubscribeLine: String {
        if let mailto = unsubscribeMailto {
            return "To stop these emails, reply \"unsubscribe\" or write to \(mailto)."
        }
        return "To stop these emails, reply \"unsubscribe\"."
    }
}
