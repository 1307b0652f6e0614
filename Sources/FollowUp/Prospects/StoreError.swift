/// A failure of the store, naming the file and what was being done.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file.
    public let path: String
    /// What was being done (`open`, `migrate`, `execute`, ...).
    public let operation: String
    /// SQLite's own words, or ours.
    public let detail: String

    /// Creates an error.
    public init(path: String, operation: String, detail: String) {
        self.path = path
        self.operation = operation
        self.detail = detail
    }

    /// `the store followup.sqlite failed to open: unable to open database file`.
    public var description: String {
        "the store \(path) failed to \(operation): \(detail)"
    }
}
