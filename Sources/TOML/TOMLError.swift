/// A syntax or redefinition error in a TOML document, with the 1-based line and column where it was found.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending text.
    public let line: Int
    /// 1-based column (in Unicode scalars) of the offending text.
    public let column: Int
    /// What is wrong and, where possible, how to fix it.
    public let message: String

    /// Creates an error at `line` and `column`.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "line 12, column 5: <message>" — prefix it with the file name when showing it to a user.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
