/// Every problem found in one load or render, in file order; never empty when thrown.
public struct TemplateErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The collected problems, in the order they appear in the files.
    public var errors: [TemplateError]

    /// Wraps a list of problems.
    public init(_ errors: [TemplateError]) {
        self.errors = errors
    }

    /// One problem per line, each `file:line:column: message`.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
