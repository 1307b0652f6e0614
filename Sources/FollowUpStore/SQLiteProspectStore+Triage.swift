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
    /// The subject line, when it was recorded.
    public var subject: String? = nil
    /// What the person wrote (quoted text and signature left out), when it was recorded.
    public var text: String? = nil
    /// Non-empty lines of quoted text and signature left out of `text`.
    public var foldedLines: Int = 0
}

extension SQLiteProspectStore {
    /// Replies, newest first: only those whose prospect waits for review unless `all`.
    public func replies(all: Bool, limit: Int = 200) throws(StoreError) -> [ReplyRecord] {
        try database.query("""
            \(Self.replyColumns)
            FROM replies r LEFT JOIN prospects p ON p.id = r.prospect_id
            \(all ? "" : "WHERE p.state = 'needs_review'") ORDER BY r.id DESC LIMIT ?
            """, [.integer(Int64(limit))], Self.reply(from:))
    }

    /// One reply by id.
    public func reply(id: Int64) throws(StoreError) -> ReplyRecord? {
        try database.first("""
            \(Self.replyColumns)
            FROM replies r LEFT JOIN prospects p ON p.id = r.prospect_id WHERE r.id = ?
            """, [.integer(id)], Self.reply(from:))
    }

    /// A person's decision on reply `id`, made at `date`: records it and applies `outcome` to the reply's prospect.
    public func resolve(replyID: Int64, intent: String, outcome: ReplyOutcome, at date: Date) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            let prospect = try database.first("SELECT prospect_id FROM replies WHERE id = ?", [.integer(replyID)]) { $0.optionalInt(0) }.flatMap { $0 }
            try database.run("UPDATE replies SET intent = ?, outcome = ?, decided_by = 'person', explanation = explanation || ? WHERE id = ?",
                             [.text(intent), .text(outcome.newState?.rawValue ?? "no_change"), .text("\nresolved by a person as \(intent)"), .integer(replyID)])
            // A person's decision may reopen a prospect: set the state as decided, even from a closed one.
            try apply(outcome, prospectID: prospect, detail: "reply #\(replyID) resolved by a person as \(intent): \(outcome.summary)", at: date)
        }
    }

    /// The columns `reply(from:)` reads (of `replies r` joined with `prospects p`).
    static let replyColumns = """
        SELECT r.id AS id, r.prospect_id AS prospect_id, p.email AS email, p.state AS state, r.sender AS sender,
               r.received_at AS received_at, r.kind AS kind, r.intent AS intent, r.outcome AS outcome, r.explanation AS explanation,
               r.decided_by AS decided_by, r.subject AS subject, r.reply_text AS reply_text, r.folded_lines AS folded_lines
        """

    static func reply(from row: SQLiteRow) -> ReplyRecord {
        ReplyRecord(id: row.int("id"), prospectID: row.optionalInt("prospect_id"), prospectEmail: row.text("email"),
                    prospectState: row.text("state").flatMap(ProspectState.init(rawValue:)), sender: row.text("sender"),
                    receivedAt: row.date("received_at"), kind: row.text("kind") ?? "", intent: row.text("intent"),
                    outcome: row.text("outcome") ?? "", explanation: row.text("explanation") ?? "", decidedBy: row.text("decided_by") ?? "",
                    subject: row.text("subject"), text: row.text("reply_text"), foldedLines: Int(row.int("folded_lines")))
    }
}

/// A message held because its outcome could not be settled.
public struct HeldMessage: Sendable, Equatable {
    public var messageID: String
    public var prospectID: Int64
    public var email: String
    public var step: Int
    public var attempt: Int
    public var plannedAt: Date
    public var subject: String
    public var reason: String
}

extension SQLiteProspectStore {
    /// Messages held for review, oldest first.
    public func heldMessages() throws(StoreError) -> [HeldMessage] {
        try database.query("""
            SELECT m.message_id AS message_id, m.prospect_id AS prospect_id, p.email AS email, m.step AS step, m.attempt AS attempt,
                   m.planned_at AS planned_at, m.subject AS subject, m.smtp_reply AS smtp_reply
            FROM messages m JOIN prospects p ON p.id = m.prospect_id WHERE m.status = \(MessageStatus.held.sql) ORDER BY m.id
            """) {
            HeldMessage(messageID: $0.text("message_id") ?? "", prospectID: $0.int("prospect_id"), email: $0.text("email") ?? "",
                        step: Int($0.int("step")), attempt: Int($0.int("attempt")), plannedAt: Date(timeIntervalSince1970: $0.double("planned_at")),
                        subject: $0.text("subject") ?? "", reason: $0.text("smtp_reply") ?? "")
        }
    }

    /// A person's verdict on a held message: it was delivered (counts as sent) or it was not (it
    /// will be sent again). Either way the prospect goes back into the sequence.
    public func settleHeld(messageID: String, delivered: Bool, at date: Date) throws(StoreError) -> Bool {
        guard let held = try heldMessages().first(where: { $0.messageID == messageID }) else { return false }
        let record = InDoubtMessage(prospectID: held.prospectID, messageID: held.messageID, attempt: held.attempt, step: held.step,
                                    plannedAt: held.plannedAt, subject: held.subject, transmitting: true)
        try database.transaction { () throws(StoreError) in
            try database.run("UPDATE messages SET status = \(MessageStatus.transmitting.sql) WHERE message_id = ?", [.text(messageID)])
            try database.run("UPDATE prospects SET state = 'active', state_reason = NULL, updated_at = ? WHERE id = ? AND state = 'needs_review'",
                             [.real(date.timeIntervalSince1970), .integer(held.prospectID)])
        }
        if delivered {
            try recordAccepted(record, reply: "confirmed by a person", at: date)
        } else {
            try recordNotSent(record, reason: "a person found it was not delivered", at: date)
        }
        return true
    }
}
