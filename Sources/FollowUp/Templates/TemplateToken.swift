/// A lexical piece of a template before blocks are matched.
enum TemplateToken: Sendable, Equatable {
    /// Literal text; a token never holds text after a "\n".
    case text(String)
    /// A value tag.
    case value(TemplateName, fallback: String?, line: Int, column: Int)
    /// `{{#if name}}`.
    case ifOpen(TemplateName, line: Int, column: Int)
    /// `{{else}}`.
    case elseTag(line: Int, column: Int)
    /// `{{/if}}`.
    case ifClose(line: Int, column: Int)
    /// `{{! … }}`.
    case comment
    /// A tag that was reported as an error; it renders nothing.
    case invalid

    /// True for tags that may stand alone on a line and then take the whole line with them.
    var isStandaloneCandidate: Bool {
        switch self {
        case .ifOpen, .elseTag, .ifClose, .comment: true
        default: false
        }
    }
}
