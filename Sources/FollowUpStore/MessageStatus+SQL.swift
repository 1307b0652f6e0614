import FollowUp

extension MessageStatus {
    /// The status as an SQL string literal, e.g. `'sent'` (the raw values are plain lowercase words).
    var sql: String { "'\(rawValue)'" }

    /// A parenthesised SQL list for `IN`, e.g. `('sending', 'transmitting')`.
    static func sqlList(_ statuses: [MessageStatus]) -> String {
        "(" + statuses.map(\.sql).joined(separator: ", ") + ")"
    }
}
