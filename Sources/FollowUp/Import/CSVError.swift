/// A CSV syntax or encoding problem, tied to the physical line where it starts.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based physical line of the file (the header is line 1) where the problem starts.
    public var line: Int
    /// What is wrong and how to fix it, without the location prefix.
    public var message: String

    /// Creates an error at `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String {
        "line \(line): \(message)"
    }
}
