/// One problem found in a template, at load time or while rendering it for a prospect.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template file the problem is in, as the caller named it.
    public var file: String
    /// The 1-based line in that file where the offending tag starts.
    public var line: Int
    /// The 1-based column (in characters) where the offending tag starts.
    public var column: Int
    /// What is wrong and how to fix it, without the location prefix.
    public var message: String
    /// The prospect's email address when the problem only shows while rendering for that prospect.
    public var prospect: String?

    /// Creates an error at `file:line:column`, optionally tied to one prospect.
    public init(file: String, line: Int, column: Int, message: String, prospect: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.prospect = prospect
    }

    /// `file:line:column: message`, one line ready for the terminal.
    public var description: String {
        "\(file):\(line):\(column): \(message)"
    }
}
