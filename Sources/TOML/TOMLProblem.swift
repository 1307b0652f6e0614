/// One problem found while reading a config: where it is, which key, and what is wrong.
public struct TOMLProblem: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending key, or of its table when the key is missing.
    public let line: Int
    /// Dotted key path such as `smtp.starttls` or `steps[2].template` (0-based index); "" for the document itself.
    public let path: String
    /// What is wrong, e.g. "expected a string, found an integer".
    public let message: String

    /// Creates a problem.
    public init(line: Int, path: String, message: String) {
        self.line = line
        self.path = path
        self.message = message
    }

    /// "line 12: smtp.starttls: expected a string, found an integer" — prefix it with the file name for users.
    public var description: String {
        path.isEmpty ? "line \(line): \(message)" : "line \(line): \(path): \(message)"
    }
}
