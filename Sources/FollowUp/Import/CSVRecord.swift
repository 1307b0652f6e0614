/// One CSV record (the header or a row) and the physical line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based physical line where the record starts; later lines of quoted multi-line fields are not counted here.
    public var line: Int
    /// The decoded fields, exactly as written (quotes removed, doubled quotes undone, nothing trimmed).
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
