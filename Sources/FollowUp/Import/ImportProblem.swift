/// Why one row (or the whole file) of a prospect CSV cannot be imported.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The CSV file's name as the user gave it.
    public var file: String
    /// The 1-based physical line of the problem (1 for problems with the header or the whole file).
    public var line: Int
    /// What is wrong and how to fix it.
    public var reason: String

    /// Creates a problem at `file:line`.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String {
        "\(file):\(line): \(reason)"
    }
}
