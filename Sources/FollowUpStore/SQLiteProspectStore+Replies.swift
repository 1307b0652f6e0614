public import FollowUp
public import Foundation

extension SQLiteProspectStore: ReplyLedger {
    public func cursor(for mailbox: String) throws(StoreError) -> (uidValidity: UInt32, nextUID: UInt32)? {
        try database.first("SELECT uid_validity, next_uid FROM mailbox_cursors WHERE mailbox = ?", [.text(mailbox)]) {
            (UInt32(clamping: $0.int(0)), UInt32(clamping: $0.int(1)))
        }
    }

    /// Not synced to disk on its own (a poll saves it after every batch): a power cut may lose the
    /// latest move, and the next poll then screens those messages again, which `wasProcessed`
    /// makes harmless. Any crash of the process alone keeps it.
    public func saveCursor(for mailbox: String, uidValidity: UInt32, nextUID: UInt32) throws(StoreError) {
        try database.transaction(synced: false) { () throws(StoreError) in
            _ = try database.run("""
                INSERT INTO mailbox_cursors (mailbox, uid_validity, next_uid) VALUES (?, ?, ?)
                ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, next_uid = excluded.next_uid
                """, [.text(mailbox), .integer(Int64(uidValidity)), .integer(Int64(nextUID))])
        }
    }

    public func wasProcessed(mailbox: String, uidValidity: UInt32, uid: UInt32, messageID: String?) throws(StoreError) -> Bool {
        if try database.first("SELECT 1 FROM replies WHERE mailbox = ? AND uid_validity = ? AND uid = ?",
                              [.text(mailbox), .integer(Int64(uidValidity)), .integer(Int64(uid))], { $0.int(0) }) != nil {
            return true
        }
        guard let messageID else { return false }
        return try database.first("SELECT 1 FROM replies WHERE mailbox = ? AND message_id = ?", [.text(mailbox), .text(messageID)]) { $0.int(0) } != nil
    }

    public func reading<T>(_ body: () throws -> T) throws -> T {
        try database.reading(body)
    }

    /// Ids are compared as `prospect(sentMessageID:)` compares them (without angle brackets or
    /// spaces at either end: a header with an unclosed bracket still names our message); the
    /// strings returned are the caller's own.
    public func known(messageIDs: Set<String>, identities: Set<String>) throws(StoreError) -> (messageIDs: Set<String>, identities: Set<String>) {
        var asGiven: [String: [String]] = [:]
        for id in messageIDs { asGiven[Self.bareMessageID(id), default: []].append(id) }
        let sent = try existing(Array(asGiven.keys), in: "SELECT message_id FROM messages WHERE message_id IN")
        return (Set(sent.flatMap { asGiven[$0] ?? [] }),
                try existing(identities.map { $0.lowercased() }, in: "SELECT identity FROM prospects WHERE identity IN"))
    }

    /// The `values` that `select` (a query of one column, ending in `IN`) finds, asked 100 at a
    /// time through one cached statement (a short last group is padded with NULL, which matches
    /// nothing).
    private func existing(_ values: [String], in select: String) throws(StoreError) -> Set<String> {
        let width = 100
        let sql = select + " (" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        var found = Set<String>()
        var start = 0
        while start < values.count {
            let group = values[start..<min(start + width, values.count)]
            let parameters = group.map { SQLValue.text($0) } + Array(repeating: SQLValue.null, count: width - group.count)
            for value in try database.query(sql, parameters, { $0.text(0) }) {
                if let value { found.insert(value) }
            }
            start += width
        }
        return found
    }

    public func prospect(sentMessageID: String) throws(StoreError) -> Prospect? {
        let id = Self.bareMessageID(sentMessageID)
        return try database.first("""
            SELECT p.id, p.email, p.identity, p.fields, p.time_zone, p.state, p.snoozed_until
            FROM messages m JOIN prospects p ON p.id = m.prospect_id WHERE m.message_id = ?
            """, [.text(id)], Prospect.init(row:))
    }

    public func isSettled(sentMessageID: String) throws(StoreError) -> Bool {
        let id = Self.bareMessageID(sentMessageID)
        return try database.first("SELECT status FROM messages WHERE message_id = ?", [.text(id)]) { $0.text(0).flatMap(MessageStatus.init(rawValue:)) } == .sent
    }

    public func prospect(identity: String) throws(StoreError) -> Prospect? {
        try database.first("SELECT id, email, identity, fields, time_zone, state, snoozed_until FROM prospects WHERE identity = ?",
                           [.text(identity.lowercased())], Prospect.init(row:))
    }

    public func earliestSend() throws(StoreError) -> Date? {
        try database.first("SELECT MIN(planned_at) FROM messages", []) { $0.optionalDouble(0) }.flatMap { $0 }.map(Date.init(timeIntervalSince1970:))
    }

    public func temporaryBounces(prospectID: Int64) throws(StoreError) -> Int {
        Int(try database.first("SELECT COUNT(*) FROM replies WHERE prospect_id = ? AND outcome = 'temporary_bounce'", [.integer(prospectID)]) { $0.int(0) } ?? 0)
    }

    public func firstTemporaryBounce(prospectID: Int64) throws(StoreError) -> Date? {
        try database.first("""
            SELECT MIN(COALESCE(received_at, processed_at)) FROM replies WHERE prospect_id = ? AND outcome = 'temporary_bounce'
            """, [.integer(prospectID)]) { $0.optionalDouble(0) }.flatMap { $0 }.map(Date.init(timeIntervalSince1970:))
    }

    /// Bounces recorded, by cause (bounces read before causes were recorded count as `other`).
    public func bounceCauses() throws(StoreError) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (cause, count) in try database.query("SELECT COALESCE(bounce_cause, 'other'), COUNT(*) FROM replies WHERE kind = 'bounce' GROUP BY 1",
                                                 [], { ($0.text(0) ?? "other", Int($0.int(1))) }) {
            counts[cause] = count
        }
        return counts
    }

    public func recordReply(_ reply: ProcessedReply, prospectID: Int64?, outcome: ReplyOutcome, at date: Date) throws(StoreError) {
        let now = date.timeIntervalSince1970
        try database.transaction { () throws(StoreError) in
            let label = outcome.newState?.rawValue ?? (outcome.temporaryBounce ? "temporary_bounce" : "no_change")
            try database.run("""
                INSERT OR IGNORE INTO replies (mailbox, uid_validity, uid, message_id, prospect_id, sender, received_at, kind, intent,
                                               outcome, explanation, processed_at, subject, reply_text, folded_lines, bounce_cause)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(reply.mailbox), .integer(Int64(reply.uidValidity)), .integer(Int64(reply.uid)),
                      reply.messageID.map(SQLValue.text) ?? .null, prospectID.map(SQLValue.integer) ?? .null,
                      reply.sender.map(SQLValue.text) ?? .null, reply.receivedAt.map { .real($0.timeIntervalSince1970) } ?? .null,
                      .text(reply.kind.rawValue), reply.intent.map { SQLValue.text($0.rawValue) } ?? .null, .text(label),
                      .text((reply.explanation + [outcome.summary]).joined(separator: "\n")), .real(now),
                      reply.subject.map(SQLValue.text) ?? .null, reply.text.map(SQLValue.text) ?? .null, .integer(Int64(reply.foldedLines)),
                      reply.bounceCause.map(SQLValue.text) ?? .null])
            try apply(outcome, prospectID: prospectID, detail: "reply <\(reply.messageID ?? "?")>: \(outcome.summary)", at: date)
        }
    }

    /// Applies an outcome's state change, snooze and suppression, with an event (inside a transaction).
    func apply(_ outcome: ReplyOutcome, prospectID: Int64?, detail: String, at date: Date) throws(StoreError) {
        let now = SQLValue.real(date.timeIntervalSince1970)
        if let prospectID, let state = outcome.newState {
            try database.run("UPDATE prospects SET state = ?, state_reason = ?, snoozed_until = ?, updated_at = ? WHERE id = ?",
                             [.text(state.rawValue), .text(outcome.summary),
                              outcome.snoozeUntil.map { .real($0.timeIntervalSince1970) } ?? .null, now, .integer(prospectID)])
        }
        if let pattern = outcome.suppress {
            try database.run("INSERT OR IGNORE INTO suppressions (pattern, reason, added_at) VALUES (?, ?, ?)",
                             [.text(pattern.lowercased()), .text(outcome.summary), now])
        }
        try recordEvent(prospect: prospectID, at: date, kind: "reply", detail: detail)
    }

    /// A Message-ID without its angle brackets and surrounding spaces, as the store keeps it.
    static func bareMessageID(_ id: String) -> String {
        let isWrapping: (Character) -> Bool = { $0 == "<" || $0 == ">" || $0 == " " }
        guard let first = id.firstIndex(where: { !isWrapping($0) }), let last = id.lastIndex(where: { !isWrapping($0) }) else { return "" }
        return String(id[first...last])
    }
}
