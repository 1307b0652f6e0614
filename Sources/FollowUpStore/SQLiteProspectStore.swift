public import FollowUp
public import Foundation

/// The SQLite implementation of the engine's store: one file, WAL mode, migrated on open.
public final class SQLiteProspectStore: PlanningStore {
    let database: SQLiteDatabase

    /// Opens or creates the store at `path` (mode 0600) and brings its schema up to date.
    ///
    /// - Parameter fullSync: true (the default) syncs every commit to disk, so even a power cut
    ///   loses nothing; false keeps commits safe from any crash of the process but not from a
    ///   power cut, and makes sending about twice as fast.
    public init(path: String, fullSync: Bool = true) throws(StoreError) {
        database = try SQLiteDatabase(path: path, fullSync: fullSync)
        try migrate()
    }

    /// The schema version of the open file.
    public func schemaVersion() throws(StoreError) -> Int {
        Int(try database.first("PRAGMA user_version") { $0.int(0) } ?? 0)
    }

    private func migrate() throws(StoreError) {
        let current = try schemaVersion()
        guard current <= Migrations.all.count else {
            throw StoreError(path: database.path, operation: "open",
                             detail: "the file has schema version \(current), newer than this followup understands (\(Migrations.all.count)); upgrade followup")
        }
        for (index, sql) in Migrations.all.enumerated() where index >= current {
            try database.transaction { () throws(StoreError) in
                try database.execute(sql)
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    public func secret() throws(StoreError) -> String {
        if let existing = try database.first("SELECT value FROM settings WHERE key = 'secret'", [], { $0.text(0) }), let existing {
            return existing
        }
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
        try database.run("INSERT OR IGNORE INTO settings (key, value) VALUES ('secret', ?)", [.text(fresh)])
        return try database.first("SELECT value FROM settings WHERE key = 'secret'", [], { $0.text(0) }).flatMap { $0 } ?? fresh
    }

    public func suppressionList() throws(StoreError) -> SuppressionList {
        SuppressionList(try database.query("SELECT pattern FROM suppressions") { $0.text(0) ?? "" })
    }

    public func importProspects(_ rows: [ProspectRow], at date: Date) throws(StoreError) -> ImportSummary {
        let suppressions = try suppressionList()
        let now = SQLValue.real(date.timeIntervalSince1970)
        return try database.transaction { () throws(StoreError) -> ImportSummary in
            var summary = ImportSummary()
            for row in rows {
                let fields = SQLValue.text(FieldsCoding.encode(row.fields))
                let zone = row.timeZone.map(SQLValue.text) ?? .null
                let existing = try database.first("SELECT id, state, fields, time_zone FROM prospects WHERE identity = ?", [.text(row.identity)]) { row in
                    (row.int("id"), ProspectState(rawValue: row.text("state") ?? "") ?? .active, row.text("fields") ?? "", row.text("time_zone"))
                }
                if let (id, state, oldFields, oldZone) = existing {
                    let changed = oldFields != FieldsCoding.encode(row.fields) || oldZone != row.timeZone
                    if changed {
                        try database.run("UPDATE prospects SET email = ?, fields = ?, time_zone = ?, updated_at = ? WHERE id = ?",
                                         [.text(row.email), fields, zone, now, .integer(id)])
                    }
                    if state.isClosed || suppressions.contains(row.identity) {
                        summary.keptOut += 1
                    } else if changed {
                        summary.updated += 1
                    } else {
                        summary.unchanged += 1
                    }
                    continue
                }
                let blocked = suppressions.match(row.identity)
                try database.run("""
                    INSERT INTO prospects (identity, email, fields, time_zone, state, state_reason, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.text(row.identity), .text(row.email), fields, zone,
                          .text(blocked == nil ? ProspectState.active.rawValue : ProspectState.unsubscribed.rawValue),
                          blocked.map { .text("on the suppression list (\($0))") } ?? .null, now, now])
                let id = database.lastInsertedRowID
                if let blocked {
                    summary.keptOut += 1
                    try database.run("INSERT OR IGNORE INTO suppression_effects (pattern, prospect_id, previous_state) VALUES (?, ?, 'active')",
                                     [.text(blocked), .integer(id)])
                    try recordEvent(prospect: id, at: date, kind: "import", detail: "imported as unsubscribed: on the suppression list")
                } else {
                    try database.run("INSERT INTO enrolments (prospect_id, enrolled_at) VALUES (?, ?)", [.integer(id), now])
                    try recordEvent(prospect: id, at: date, kind: "import", detail: "imported and enrolled")
                    summary.added += 1
                }
            }
            return summary
        }
    }

    public func enrolledProspects() throws(StoreError) -> [(Prospect, Enrolment)] {
        try database.query("""
            SELECT p.id, p.email, p.identity, p.fields, p.time_zone, p.state, p.snoozed_until,
                   e.enrolled_at, e.next_step, e.attempts, e.first_sent_at, e.last_sent_at, e.first_subject, e.retry_after
            FROM prospects p JOIN enrolments e ON e.prospect_id = p.id ORDER BY p.id
            """) { row in
            let prospect = Prospect(row: row)
            let enrolment = Enrolment(prospectID: prospect.id, row: row)
            return (prospect, enrolment)
        }
    }

    func recordEvent(prospect: Int64?, at date: Date, kind: String, detail: String) throws(StoreError) {
        try database.run("INSERT INTO events (prospect_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                         [prospect.map(SQLValue.integer) ?? .null, .real(date.timeIntervalSince1970), .text(kind), .text(detail)])
    }
}

extension SQLiteProspectStore {
    /// Adds `pattern` (an address or `@domain`) to the suppression list; a no-op when present.
    public func addSuppression(_ pattern: String, reason: String, at date: Date) throws(StoreError) {
        try database.run("INSERT OR IGNORE INTO suppressions (pattern, reason, added_at) VALUES (?, ?, ?)",
                         [.text(pattern.lowercased()), .text(reason), .real(date.timeIntervalSince1970)])
    }
}

/// A prospect put back where it stood when a suppression was removed.
public struct RestoredProspect: Sendable, Equatable {
    /// The prospect's address.
    public let email: String
    /// The state it is back in.
    public let state: ProspectState
}

/// One entry of the suppression list.
public struct SuppressionEntry: Sendable, Equatable {
    /// The address or `@domain`.
    public let pattern: String
    /// Why it is there.
    public let reason: String
    /// When it was added.
    public let addedAt: Date
}

extension SQLiteProspectStore {
    /// The addresses of the prospects that suppressing `pattern` would unsubscribe (those not
    /// yet unsubscribed or bounced), in import order.
    public func prospectsAffected(bySuppressing pattern: String) throws(StoreError) -> [String] {
        let list = SuppressionList([pattern])
        return try database.query("SELECT email, identity FROM prospects WHERE state NOT IN ('unsubscribed', 'bounced') ORDER BY id") {
            ($0.text("email") ?? "", $0.text("identity") ?? "")
        }.filter { list.contains($0.1) }.map(\.0)
    }

    /// Suppresses `pattern` and marks every matching, not yet closed prospect `unsubscribed`,
    /// remembering where each stood so that `removeSuppression` can put it back; returns how many
    /// prospects changed.
    public func suppress(_ pattern: String, reason: String, at date: Date) throws(StoreError) -> Int {
        try database.transaction { () throws(StoreError) -> Int in
            try addSuppression(pattern, reason: reason, at: date)
            let list = SuppressionList([pattern])
            let targets = try database.query("SELECT id, identity, state, state_reason, snoozed_until FROM prospects WHERE state NOT IN ('unsubscribed', 'bounced')") {
                (id: $0.int("id"), identity: $0.text("identity") ?? "", state: $0.text("state") ?? "active", reason: $0.text("state_reason"),
                 snoozed: $0.optionalDouble("snoozed_until"))
            }.filter { list.contains($0.identity) }
            for target in targets {
                try database.run("""
                    INSERT OR REPLACE INTO suppression_effects (pattern, prospect_id, previous_state, previous_reason, previous_snoozed_until)
                    VALUES (?, ?, ?, ?, ?)
                    """, [.text(pattern.lowercased()), .integer(target.id), .text(target.state), target.reason.map(SQLValue.text) ?? .null,
                          target.snoozed.map(SQLValue.real) ?? .null])
                try database.run("UPDATE prospects SET state = 'unsubscribed', state_reason = ?, updated_at = ? WHERE id = ?",
                                 [.text("suppressed: \(reason)"), .real(date.timeIntervalSince1970), .integer(target.id)])
                try recordEvent(prospect: target.id, at: date, kind: "suppressed", detail: "\(pattern): \(reason)")
            }
            return targets.count
        }
    }

    /// Removes `pattern` from the list and puts back every prospect that it, and nothing else,
    /// had unsubscribed: to the state it had before (an import kept out by it is enrolled now).
    /// A prospect still matched by another entry stays unsubscribed, and that entry's removal will
    /// put it back. Nil when `pattern` was not on the list; else the prospects put back.
    public func removeSuppression(_ pattern: String, at date: Date) throws(StoreError) -> [RestoredProspect]? {
        let key = pattern.lowercased()
        return try database.transaction { () throws(StoreError) -> [RestoredProspect]? in
            guard try database.run("DELETE FROM suppressions WHERE pattern = ?", [.text(key)]) > 0 else { return nil }
            let remaining = try suppressionList()
            let effects = try database.query("""
                SELECT e.prospect_id AS id, e.previous_state AS previous_state, e.previous_reason AS previous_reason,
                       e.previous_snoozed_until AS previous_snoozed_until, p.email AS email, p.identity AS identity, p.state AS state,
                       p.state_reason AS state_reason
                FROM suppression_effects e JOIN prospects p ON p.id = e.prospect_id WHERE e.pattern = ? ORDER BY e.prospect_id
                """, [.text(key)]) {
                (id: $0.int("id"), previous: $0.text("previous_state") ?? "active", reason: $0.text("previous_reason"),
                 snoozed: $0.optionalDouble("previous_snoozed_until"), email: $0.text("email") ?? "", identity: $0.text("identity") ?? "",
                 state: $0.text("state") ?? "", stateReason: $0.text("state_reason") ?? "")
            }
            try database.run("DELETE FROM suppression_effects WHERE pattern = ?", [.text(key)])
            var restored: [RestoredProspect] = []
            for effect in effects {
                // Only a prospect still unsubscribed by a suppression; one who has since asked to be
                // removed, or was decided on by a person, stays as it is.
                let bySuppression = effect.stateReason.hasPrefix("suppressed:") || effect.stateReason.hasPrefix("on the suppression list")
                guard effect.state == ProspectState.unsubscribed.rawValue, bySuppression else { continue }
                if let other = remaining.match(effect.identity) {
                    try database.run("""
                        INSERT OR IGNORE INTO suppression_effects (pattern, prospect_id, previous_state, previous_reason, previous_snoozed_until)
                        VALUES (?, ?, ?, ?, ?)
                        """, [.text(other), .integer(effect.id), .text(effect.previous), effect.reason.map(SQLValue.text) ?? .null,
                              effect.snoozed.map(SQLValue.real) ?? .null])
                    continue
                }
                try database.run("UPDATE prospects SET state = ?, state_reason = ?, snoozed_until = ?, updated_at = ? WHERE id = ?",
                                 [.text(effect.previous), effect.reason.map(SQLValue.text) ?? .null, effect.snoozed.map(SQLValue.real) ?? .null,
                                  .real(date.timeIntervalSince1970), .integer(effect.id)])
                try database.run("INSERT OR IGNORE INTO enrolments (prospect_id, enrolled_at) VALUES (?, ?)",
                                 [.integer(effect.id), .real(date.timeIntervalSince1970)])
                try recordEvent(prospect: effect.id, at: date, kind: "unsuppressed", detail: "\(key) removed from the list: back to \(effect.previous)")
                restored.append(RestoredProspect(email: effect.email, state: ProspectState(rawValue: effect.previous) ?? .active))
            }
            return restored
        }
    }

    /// The list, oldest entry first.
    public func suppressionEntries() throws(StoreError) -> [SuppressionEntry] {
        try database.query("SELECT pattern, reason, added_at FROM suppressions ORDER BY added_at, pattern") {
            SuppressionEntry(pattern: $0.text("pattern") ?? "", reason: $0.text("reason") ?? "", addedAt: Date(timeIntervalSince1970: $0.double("added_at")))
        }
    }
}

extension SQLiteProspectStore {
    /// Every known prospect's state, by identity.
    public func prospectStates() throws(StoreError) -> [String: ProspectState] {
        var states: [String: ProspectState] = [:]
        for (identity, state) in try database.query("SELECT identity, state FROM prospects", [], { ($0.text(0) ?? "", $0.text(1) ?? "") }) {
            states[identity] = ProspectState(rawValue: state) ?? .needsReview
        }
        return states
    }

    /// The last send and every send since `date` (messages in doubt count as sent: they may have been).
    public func sendHistory(since date: Date) throws(StoreError) -> SendHistory {
        let times = try database.query("SELECT planned_at FROM messages WHERE status IN \(MessageStatus.sqlList(MessageStatus.mayHaveGoneOut)) AND planned_at >= ? ORDER BY planned_at",
                                       [.real(date.timeIntervalSince1970)]) { Date(timeIntervalSince1970: $0.double(0)) }
        let last = try database.first("SELECT MAX(planned_at) FROM messages WHERE status IN \(MessageStatus.sqlList(MessageStatus.mayHaveGoneOut))", []) { $0.optionalDouble(0) }
        return SendHistory(lastSentAt: last.flatMap { $0 }.map(Date.init(timeIntervalSince1970:)), sentTimes: times)
    }
}

extension SQLiteProspectStore {
    /// Calls `body` with every enrolled prospect's planning columns, in id order, holding none of them.
    public func forEachPlanningRow(_ body: (PlanningRow) -> Void) throws(StoreError) {
        let statement = try database.prepare("""
            SELECT p.id, p.identity, p.time_zone, p.state, p.snoozed_until,
                   e.enrolled_at, e.next_step, e.attempts, e.first_sent_at, e.last_sent_at, e.first_subject, e.retry_after
            FROM prospects p JOIN enrolments e ON e.prospect_id = p.id ORDER BY p.id
            """)
        while try statement.step() {
            let row = SQLiteRow(statement: statement)
            let id = row.int("id")
            body(PlanningRow(id: id, identity: row.text("identity") ?? "", timeZone: row.text("time_zone"),
                             state: ProspectState(rawValue: row.text("state") ?? "") ?? .needsReview,
                             snoozedUntil: row.date("snoozed_until"), enrolment: Enrolment(prospectID: id, row: row)))
        }
    }

    /// One enrolled prospect with its fields, by id.
    public func enrolledProspect(id: Int64) throws(StoreError) -> (Prospect, Enrolment)? {
        try database.first("""
            SELECT p.id, p.email, p.identity, p.fields, p.time_zone, p.state, p.snoozed_until,
                   e.enrolled_at, e.next_step, e.attempts, e.first_sent_at, e.last_sent_at, e.first_subject, e.retry_after
            FROM prospects p JOIN enrolments e ON e.prospect_id = p.id WHERE p.id = ?
            """, [.integer(id)]) { row in
            (Prospect(row: row), Enrolment(prospectID: row.int("id"), row: row))
        }
    }
}

extension SQLiteProspectStore {
    /// SQLite's own consistency check of the whole file: nil when sound, else what it found.
    public func integrityProblems() throws(StoreError) -> String? {
        let lines = try database.query("PRAGMA integrity_check") { $0.text(0) ?? "" }
        return lines == ["ok"] ? nil : lines.prefix(5).joined(separator: "; ")
    }

    /// How many prospects the store holds.
    public func prospectCount() throws(StoreError) -> Int {
        Int(try database.first("SELECT COUNT(*) FROM prospects", []) { $0.int(0) } ?? 0)
    }
}

extension SQLiteProspectStore {
    /// The active and snoozed prospects grouped by the shape of `fields`: which are empty or
    /// missing, and which hold a line break. One example prospect id per group, lowest first, with
    /// the group's size. Rendering a template for one prospect of each group finds every problem
    /// that a field's absence or a line break causes, without rendering for everyone.
    public func fieldShapes(of fields: [String]) throws(StoreError) -> [(exampleID: Int64, count: Int)] {
        var parts: [String] = []
        var values: [SQLValue] = []
        for field in fields {
            parts.append("(COALESCE(json_extract(p.fields, ?), '') = '')")
            parts.append("(instr(COALESCE(json_extract(p.fields, ?), ''), char(10)) + instr(COALESCE(json_extract(p.fields, ?), ''), char(13)) > 0)")
            let path = SQLValue.text("$.\"" + field.replacingOccurrences(of: "\"", with: "") + "\"")
            values += [path, path, path]
        }
        let key = parts.isEmpty ? "''" : parts.joined(separator: " || ',' || ")
        return try database.query("""
            SELECT MIN(p.id), COUNT(*) FROM prospects p JOIN enrolments e ON e.prospect_id = p.id
            WHERE p.state IN ('active', 'snoozed') GROUP BY \(key) ORDER BY MIN(p.id)
            """, values) { (exampleID: $0.int(0), count: Int($0.int(1))) }
    }
}
