public import FollowUp
public import Foundation

extension SQLiteProspectStore: SendLedger {
    public func inDoubtMessages() throws(StoreError) -> [InDoubtMessage] {
        try database.query("""
            SELECT m.prospect_id AS prospect_id, m.message_id AS message_id, m.attempt AS attempt, m.step AS step,
                   m.planned_at AS planned_at, m.subject AS subject, m.status AS status, p.email AS email
            FROM messages m LEFT JOIN prospects p ON p.id = m.prospect_id WHERE m.status IN \(MessageStatus.sqlList(MessageStatus.inFlight)) ORDER BY m.id
            """) {
            InDoubtMessage(prospectID: $0.int("prospect_id"), messageID: $0.text("message_id") ?? "", attempt: Int($0.int("attempt")),
                           step: Int($0.int("step")), plannedAt: Date(timeIntervalSince1970: $0.double("planned_at")), subject: $0.text("subject") ?? "",
                           transmitting: $0.text("status").flatMap(MessageStatus.init(rawValue:)) == .transmitting, recipient: $0.text("email") ?? "")
        }
    }

    public func freshState(of prospectID: Int64) throws(StoreError) -> (state: ProspectState, attempts: Int)? {
        try database.first("SELECT p.state, e.attempts FROM prospects p JOIN enrolments e ON e.prospect_id = p.id WHERE p.id = ?",
                            [.integer(prospectID)]) { (ProspectState(rawValue: $0.text(0) ?? "") ?? .needsReview, Int($0.int(1))) }
    }

    public func processedReplyUIDs() throws(StoreError) -> Set<UInt32> {
        Set(try database.query("SELECT uid FROM replies") { UInt32(clamping: $0.int(0)) })
    }

    public func recordIntent(_ message: ComposedMessage, prospectID: Int64, plannedAt: Date, at date: Date) throws(StoreError) -> Bool {
        try database.transaction { () throws(StoreError) -> Bool in
            let exists = try database.first("SELECT 1 FROM messages WHERE prospect_id = ? AND attempt = ?",
                                            [.integer(prospectID), .integer(Int64(message.attempt))]) { $0.int(0) } != nil
            guard !exists else { return false }
            try database.run("""
                INSERT INTO messages (prospect_id, step, attempt, message_id, subject, planned_at, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, \(MessageStatus.sending.sql), ?)
                """, [.integer(prospectID), .integer(Int64(message.step)), .integer(Int64(message.attempt)), .text(message.messageID),
                      .text(message.subject), .real(plannedAt.timeIntervalSince1970), .real(date.timeIntervalSince1970)])
            return true
        }
    }

    public func recordTransmitting(_ record: InDoubtMessage, at date: Date) throws(StoreError) {
        try database.run("UPDATE messages SET status = \(MessageStatus.transmitting.sql), updated_at = ? WHERE message_id = ? AND status = \(MessageStatus.sending.sql)",
                         [.real(date.timeIntervalSince1970), .text(record.messageID)])
    }

    public func recordAccepted(_ record: InDoubtMessage, reply: String, at date: Date) throws(StoreError) {
        // Not synced on its own: lost in a power cut, the message stays 'transmitting' and the next
        // run settles it from its witness copy; and the next message's synced intent covers it.
        try database.transaction(synced: false) { () throws(StoreError) in
            try database.run("UPDATE messages SET status = \(MessageStatus.sent.sql), smtp_reply = ?, updated_at = ? WHERE message_id = ?",
                             [.text(reply), .real(date.timeIntervalSince1970), .text(record.messageID)])
            let sentAt = SQLValue.real(record.plannedAt.timeIntervalSince1970)
            try database.run("""
                UPDATE enrolments SET next_step = ?, attempts = ?, last_sent_at = ?, temporary_failures = 0, retry_after = NULL,
                    first_sent_at = COALESCE(first_sent_at, ?), first_subject = COALESCE(first_subject, ?)
                WHERE prospect_id = ? AND attempts < ?
                """, [.integer(Int64(record.step + 1)), .integer(Int64(record.attempt)), sentAt, sentAt, .text(record.subject),
                      .integer(record.prospectID), .integer(Int64(record.attempt))])
            try recordEvent(prospect: record.prospectID, at: date, kind: "sent", detail: "message \(record.attempt) (step \(record.step)) <\(record.messageID)>: \(reply)")
        }
    }

    public func recordNotSent(_ record: InDoubtMessage, reason: String, at date: Date) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            try database.run("DELETE FROM messages WHERE message_id = ? AND status IN \(MessageStatus.sqlList(MessageStatus.inFlight))", [.text(record.messageID)])
            try recordEvent(prospect: record.prospectID, at: date, kind: "not_sent", detail: "message \(record.attempt): \(reason)")
        }
    }

    public func recordBounced(_ record: InDoubtMessage, reply: String, at date: Date) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            try database.run("UPDATE messages SET status = \(MessageStatus.refused.sql), smtp_reply = ?, updated_at = ? WHERE message_id = ?",
                             [.text(reply), .real(date.timeIntervalSince1970), .text(record.messageID)])
            try database.run("UPDATE prospects SET state = 'bounced', state_reason = ?, updated_at = ? WHERE id = ?",
                             [.text(reply), .real(date.timeIntervalSince1970), .integer(record.prospectID)])
            try recordEvent(prospect: record.prospectID, at: date, kind: "bounced", detail: "refused at RCPT: \(reply)")
        }
    }

    public func recordTemporaryFailure(_ record: InDoubtMessage, reply: String, retryAfter: Date, at date: Date) throws(StoreError) -> Int {
        try database.transaction { () throws(StoreError) -> Int in
            try database.run("DELETE FROM messages WHERE message_id = ? AND status IN \(MessageStatus.sqlList(MessageStatus.inFlight))", [.text(record.messageID)])
            try database.run("UPDATE enrolments SET temporary_failures = temporary_failures + 1, retry_after = ? WHERE prospect_id = ?",
                             [.real(retryAfter.timeIntervalSince1970), .integer(record.prospectID)])
            try recordEvent(prospect: record.prospectID, at: date, kind: "deferred", detail: "message \(record.attempt) refused for now: \(reply)")
            return Int(try database.first("SELECT temporary_failures FROM enrolments WHERE prospect_id = ?", [.integer(record.prospectID)]) { $0.int(0) } ?? 0)
        }
    }

    public func holdForReview(_ record: InDoubtMessage, reason: String, at date: Date) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            try database.run("UPDATE messages SET status = \(MessageStatus.held.sql), smtp_reply = ?, updated_at = ? WHERE message_id = ?",
                             [.text(reason), .real(date.timeIntervalSince1970), .text(record.messageID)])
            try database.run("UPDATE prospects SET state = 'needs_review', state_reason = ?, updated_at = ? WHERE id = ?",
                             [.text("message \(record.attempt) held: \(reason)"), .real(date.timeIntervalSince1970), .integer(record.prospectID)])
            try recordEvent(prospect: record.prospectID, at: date, kind: "held", detail: "message \(record.attempt) <\(record.messageID)>: \(reason)")
        }
    }
}
