public import FollowUp
public import Foundation

/// Counts for `followup status`.
public struct StoreStatus: Sendable, Equatable {
    /// Prospects per state.
    public var states: [ProspectState: Int]
    /// Accepted messages per step.
    public var sentByStep: [Int: Int]
    /// For each step, the states of the prospects whose last message was that step.
    public var stoppedAfterStep: [Int: [ProspectState: Int]]
    /// Messages whose outcome is not settled (`sending` or `held`).
    public var unsettled: Int
}

/// One prospect's line in `followup status --prospects`.
public struct ProspectLine: Sendable, Equatable {
    public var email: String
    public var state: ProspectState
    public var attempts: Int
    public var lastSentAt: Date?
    public var reason: String?
}

extension SQLiteProspectStore {
    /// The counts behind `followup status`.
    public func status() throws(StoreError) -> StoreStatus {
        var states: [ProspectState: Int] = [:]
        for (state, count) in try database.query("SELECT state, COUNT(*) FROM prospects GROUP BY state", [], { ($0.text(0) ?? "", Int($0.int(1))) }) {
            states[ProspectState(rawValue: state) ?? .needsReview, default: 0] += count
        }
        var sent: [Int: Int] = [:]
        for (step, count) in try database.query("SELECT step, COUNT(*) FROM messages WHERE status = \(MessageStatus.sent.sql) GROUP BY step", [], { (Int($0.int(0)), Int($0.int(1))) }) {
            sent[step] = count
        }
        var stopped: [Int: [ProspectState: Int]] = [:]
        let rows = try database.query("""
            SELECT COALESCE((SELECT MAX(m.step) FROM messages m WHERE m.prospect_id = p.id AND m.status = \(MessageStatus.sent.sql)), 0), p.state, COUNT(*)
            FROM prospects p GROUP BY 1, 2
            """, [], { (Int($0.int(0)), $0.text(1) ?? "", Int($0.int(2))) })
        for (step, state, count) in rows where step > 0 {
            stopped[step, default: [:]][ProspectState(rawValue: state) ?? .needsReview, default: 0] += count
        }
        let unsettled = Int(try database.first("SELECT COUNT(*) FROM messages WHERE status IN \(MessageStatus.sqlList(MessageStatus.inFlight + [.held]))", []) { $0.int(0) } ?? 0)
        return StoreStatus(states: states, sentByStep: sent, stoppedAfterStep: stopped, unsettled: unsettled)
    }

    /// Every prospect, in id order, for `status --prospects`.
    public func prospectLines() throws(StoreError) -> [ProspectLine] {
        try database.query("""
            SELECT p.email AS email, p.state AS state, COALESCE(e.attempts, 0) AS attempts, e.last_sent_at AS last_sent_at,
                   p.state_reason AS state_reason
            FROM prospects p LEFT JOIN enrolments e ON e.prospect_id = p.id ORDER BY p.id
            """) {
            ProspectLine(email: $0.text("email") ?? "", state: ProspectState(rawValue: $0.text("state") ?? "") ?? .needsReview,
                         attempts: Int($0.int("attempts")), lastSentAt: $0.date("last_sent_at"), reason: $0.text("state_reason"))
        }
    }
}
