/// A failure of the store, naming the file and what was being done.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file.
    public let path: String
    /// What was being done (`open`, `migrate`, `execute`, ...).
    public let operation: String
    /// SQLite's own words, or ours.
    public let detail: String
    /// SQLite's extended result code (`SQLITE_BUSY` is 5, `SQLITE_FULL` 13, `SQLITE_CONSTRAINT_UNIQUE`
    /// 2067, ...), when SQLite reported the failure; nil for failures found by us.
    public let resultCode: Int32?

    /// Creates an error.
    public init(path: String, operation: String, detail: String, resultCode: Int32? = nil) {
        self.path = path
        self.operation = operation
        self.detail = detail
        self.resultCode = resultCode
    }

    /// `the store followup.sqlite failed to open: unable to open database file`.
    public var description: String {
        "the store \(path) failed to \(operation): \(detail)"
    }
}
