public import Foundation

/// A person the sequence writes to, with their template fields and where they stand.
public struct Prospect: Sendable, Equatable {
    /// The store's id.
    public var id: Int64
    /// The address as written in the CSV.
    public var email: String
    /// The case-folded address, which identifies the prospect.
    public var identity: String
    /// Template fields from the CSV, by normalised column name.
    public var fields: [String: String]
    /// The prospect's IANA time zone, when the CSV gave one.
    public var timeZone: String?
    /// Where the prospect stands.
    public var state: ProspectState
    /// For `snoozed`: when the sequence resumes.
    public var snoozedUntil: Date?

    /// Creates a prospect.
    public init(id: Int64, email: String, identity: String, fields: [String: String], timeZone: String?,
                state: ProspectState, snoozedUntil: Date? = nil) {
        self.id = id
        self.email = email
        self.identity = identity
        self.fields = fields
        self.timeZone = timeZone
        self.state = state
        self.snoozedUntil = snoozedUntil
    }
}
