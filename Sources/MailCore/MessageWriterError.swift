/// Why a message could not be rendered; every case names the header or field at fault.
public enum MessageWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value from data contains CR, LF or NUL, which could start a new header line (header injection).
    case forbiddenCharacter(field: String, character: String)
    /// An address (or part of it) is unusable in the named field.
    case invalidAddress(field: String, value: String, reason: String)
    /// A Message-ID is malformed (empty, whitespace, brackets, missing "@", or non-ASCII).
    case invalidMessageID(field: String, value: String)
    /// An extra header has an invalid name.
    case invalidHeaderName(name: String)
    /// An extra header would duplicate a header the writer owns, or is one that must never be sent (Bcc).
    case forbiddenHeader(name: String)
    /// A List-Unsubscribe target is not a `mailto:` (mailto field) or not an `https://` URL (URL field).
    case invalidUnsubscribe(field: String, value: String)
    /// A header cannot be folded into lines of at most 998 octets.
    case lineTooLong(field: String)
    /// The message has no recipients in To.
    case noRecipients
    /// The boundary generator kept producing boundaries that occur in the content or are invalid.
    case boundaryUnusable(boundary: String)

    /// One actionable sentence describing the problem.
    public var description: String {
        switch self {
        case .forbiddenCharacter(let field, let character):
            return "The \(field) value contains \(character), which could inject a new header line; remove line breaks and NUL from it."
        case .invalidAddress(let field, let value, let reason):
            return "The address in \(field) (\"\(MailAddressError.shown(value))\") is unusable: \(reason); fix the address."
        case .invalidMessageID(let field, let value):
            return "The Message-ID in \(field) (\"\(MailAddressError.shown(value))\") must be printable ASCII like id@domain without spaces or brackets; fix it."
        case .invalidHeaderName(let name):
            return "The extra header name \"\(MailAddressError.shown(name))\" must be printable ASCII without spaces or colons; rename it."
        case .forbiddenHeader(let name):
            return "The extra header \"\(name)\" is set by the writer or must never be sent; remove it from the extra headers."
        case .invalidUnsubscribe(let field, let value):
            return "The \(field) value \"\(MailAddressError.shown(value))\" must be a mailto: address or https:// URL without spaces or brackets; fix it."
        case .lineTooLong(let field):
            return "The \(field) header has a word too long to fit in a 998-octet line; shorten it."
        case .noRecipients:
            return "The message has no To recipient; add at least one address."
        case .boundaryUnusable(let boundary):
            return "The boundary generator produced an unusable boundary (\"\(MailAddressError.shown(boundary))\"); use a generator that returns 1-70 letters and digits."
        }
    }
}
