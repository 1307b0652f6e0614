/// Why a string could not be read as an email address; each case carries the offending input.
public enum MailAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input was empty or only whitespace and comments.
    case empty
    /// The address has no "@" separating local part and domain.
    case missingAt(input: String)
    /// The part before "@" is empty.
    case emptyLocalPart(input: String)
    /// The part after "@" is empty.
    case emptyDomain(input: String)
    /// The input contains a character never allowed in an address header (CR, LF, NUL or whitespace in the address).
    case forbiddenCharacter(input: String, character: String)
    /// An angle bracket, quote or comment was opened and never closed.
    case unbalanced(input: String)

    /// One actionable sentence describing the problem.
    public var description: String {
        switch self {
        case .empty:
            return "The email address is empty; give an address like name@example.com."
        case .missingAt(let input):
            return "The email address \"\(Self.shown(input))\" has no \"@\"; write it as local-part@domain."
        case .emptyLocalPart(let input):
            return "The email address \"\(Self.shown(input))\" has nothing before \"@\"; add the mailbox name."
        case .emptyDomain(let input):
            return "The email address \"\(Self.shown(input))\" has nothing after \"@\"; add the domain."
        case .forbiddenCharacter(let input, let character):
            return "The email address \"\(Self.shown(input))\" contains the forbidden character \(character); remove it."
        case .unbalanced(let input):
            return "The email address \"\(Self.shown(input))\" has an unclosed quote, comment or angle bracket; close it."
        }
    }

    static func shown(_ input: String) -> String {
        let escaped = input.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\r": return "\\r"
            case "\n": return "\\n"
            case "\0": return "\\0"
            default: return String(scalar)
            }
        }.joined()
        return escaped.count > 120 ? String(escaped.prefix(120)) + "…" : escaped
    }
}
