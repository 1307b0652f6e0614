/// One valid prospect read from a CSV row.
public struct ProspectRow: Sendable, Equatable {
    /// The physical line where the row starts in the CSV file.
    public var line: Int
    /// The address as written, surrounding whitespace trimmed.
    public var email: String
    /// The case-folded address used to find duplicates and match replies.
    public var identity: String
    /// Every column with a header, keyed by normalised header name (the email column as `email`), values trimmed.
    public var fields: [String: String]
    /// The prospect's IANA time zone from a `timezone` column, nil when there is none or it is empty.
    public var timeZone: String?
    /// Names of fields whose value holds CR or LF: fine in a body, an error if a subject uses them.
    public var multilineFields: [String]

    /// Creates a row.
    public init(
        line: Int, email: String, identity: String, fields: [String: String], timeZone: String?,
        multilineFields: [String] = []
    ) {
        self.line = line
        self.email = email
        self.identity = identity
        self.fields = fields
        self.timeZone = timeZone
        self.multilineFields = multilineFields
    }
}
