/// One step rendered for one prospect: what the MIME writer turns into a message.
public struct RenderedStep: Sendable, Equatable {
    /// The subject line, or nil when the step replies in the thread with the previous subject.
    public var subject: String?
    /// The plain-text body, lines ending in "\n" only.
    public var text: String
    /// The HTML body when the step has an HTML twin, lines ending in "\n" only.
    public var html: String?

    /// Creates a rendered step.
    public init(subject: String?, text: String, html: String?) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}
