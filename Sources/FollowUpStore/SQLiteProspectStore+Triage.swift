public import FollowUp
public import Foundation

/// One processed reply, for `followup triage`.
public struct ReplyRecord: Sendable, Equatable {
    public var id: Int64
    public var prospectID: Int64?
    public var prospectEmail: String?
    public var prospectState: ProspectState?
    public var sender: String?
    public var receivedAt: Date?
    public var kind: String
    public var intent: String?
    public var outcome: String
    public var explanation: String
    public var decidedBy: String
}

extension SQLiteProspectStore {
    /// Replies, newest first: only those whose prospect waits for review unless `all`.
    public func replies(all: Bool, limit: Int = 200) throws(StoreError) -> [ReplyRecord] {
        try database.query("""
            SELECT r.id, r.prospect_id, p.email, p.state, r.sender, r.received_at, r.kind, r.intent, r.outcome, r.explanation, r.decided_by
            FROM replies r LEFT JOIN prospects p ON p.id = r.prospect_id
            \(all ? "" : "WHERE p.state = 'needs_review'") ORDER BY r.id DESC LIMIT ?
            """, [.integer(Int64(limit))], Self.reply(from:))
    }

    /// One reply by id.
    public func reply(id: Int64) throws(StoreError) -> ReplyRecord? {
        try database.first("""
            SELECT r.id, r.prospect_id, p.email, p.state, r.sender, r.received_at, r.kind, r.intent, r.outcome, r.explanation, r.decided_by
            FROM replies r LEFT JOIN prospects p ON p.id = r.prospect_id WHERE r.id = ?
            """, [.integer(id)], Self.reply(from:))
    }

    /// A person's decision on reply `id`: records it and applies `outcome` to the reply's prospect.
    public func resolve(replyID: Int64, intent: String, outcome: ReplyOutcome) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            let prospect = try database.first("SELECT prospect_id FROM replies WHERE id = ?", [.integer(replyID)]) { $0.optionalInt(0) }.flatMap { $0 }
            try database.run("UPDATE replies SET intent = ?, outcome = ?, decided_by = 'person', explanation = explanation || ? WHERE id = ?",
                             [.text(intent), .text(outcome.newState?.rawValue ?? "no_change"), .text("\nresolved by a person as \(intent)"), .integer(replyID)])
            // A person's decision may reopen a prospect: set the state as decided, even from a closed one.
            try apply(outcome, prospectID: prospect, detail: "reply #\(replyID) resolved by a person as \(intent): \(outcome.summary)")
        }
    }

    static func reply(from row: SQLiteRow) -> ReplyRecord {
        ReplyRecord(id: row.int(0), prospectID: row.optionalInt(1), prospectEmail: row.text(2),
                    prospectState: row.text(3).flatMap(ProspectState.init(rawValue:)), sender: row.text(4),
                    receivedAt: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:)), kind: row.text(6) ?? "",
                    intent: row.text(7), outcome: row.text(8) ?? "", explanation: row.text(9) ?? "", decidedBy: row.text(10) ?? "")
    }
}
