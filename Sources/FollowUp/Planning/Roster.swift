public import Foundation

/// The prospects a send or a preview covers, as planning candidates: the store's enrolled
/// prospects, or rows of a CSV as if newly imported. Never includes anyone suppressed or in a
/// state that must not be written to. Holds only what planning needs; each prospect's fields are
/// loaded when its message is composed, so memory stays small however many prospects there are.
public struct Roster {
    /// Who was left out, and why, for the reader.
    public struct LeftOut: Sendable, Equatable {
        /// Prospects on the suppression list.
        public var suppressed = 0
        /// Prospects in a state that is not written to (closed, bounced, ...), by state.
        public var byState: [ProspectState: Int] = [:]
        /// Prospects imported or last written to after the clock: nothing is planned for them before then.
        public var afterTheClock = 0
        /// The earliest such time.
        public var earliestAfterTheClock: Date?
    }

    /// What the planner needs of every prospect that may be written to.
    public private(set) var candidates: [PlanCandidate] = []
    /// Who was left out, and why.
    public private(set) var leftOut = LeftOut()
    private var lookup: (Int64) -> (Prospect, Enrolment)? = { _ in nil }

    /// The prospect and enrolment with this id, with template fields.
    public func prospect(_ id: Int64) -> (Prospect, Enrolment)? {
        lookup(id)
    }

    /// The enrolled prospects of `store` that may be written to, limited to `only` (identities)
    /// when it is not empty. Prospects without a zone of their own use `defaultTimeZone`.
    public static func enrolled(in store: any PlanningStore, only: Set<String> = [], defaultTimeZone: TimeZone, now: Date) throws(StoreError) -> Roster {
        var filter = Filter(wanted: only, suppressions: try store.suppressionList(), defaultTimeZone: defaultTimeZone, now: now)
        var roster = Roster()
        try store.forEachPlanningRow { row in
            if let candidate = filter.candidate(id: row.id, identity: row.identity, timeZone: row.timeZone, state: row.state,
                                                snoozedUntil: row.snoozedUntil, enrolment: row.enrolment) {
                roster.candidates.append(candidate)
            }
        }
        roster.leftOut = filter.leftOut
        roster.lookup = { id in (try? store.enrolledProspect(id: id)) ?? nil }
        return roster
    }

    /// `rows` as if imported at `now`: each prospect gets the state `store` knows for its
    /// identity (active when new), and the suppression list of `store` applies.
    public static func imported(_ rows: [ProspectRow], store: (any PlanningStore)?, only: Set<String> = [], defaultTimeZone: TimeZone,
                                now: Date) throws(StoreError) -> Roster {
        var filter = Filter(wanted: only, suppressions: try store?.suppressionList() ?? SuppressionList(), defaultTimeZone: defaultTimeZone, now: now)
        let known = try store?.prospectStates() ?? [:]
        func state(_ row: ProspectRow) -> ProspectState { known[row.identity] ?? .active }
        var roster = Roster()
        roster.candidates.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let id = Int64(index + 1)
            if let candidate = filter.candidate(id: id, identity: row.identity, timeZone: row.timeZone, state: state(row),
                                                snoozedUntil: nil, enrolment: Enrolment(prospectID: id, enrolledAt: now)) {
                roster.candidates.append(candidate)
            }
        }
        roster.leftOut = filter.leftOut
        roster.lookup = { id in
            guard rows.indices.contains(Int(id) - 1) else { return nil }
            let row = rows[Int(id) - 1]
            return (Prospect(id: id, email: row.email, identity: row.identity, fields: row.fields, timeZone: row.timeZone, state: state(row)),
                    Enrolment(prospectID: id, enrolledAt: now))
        }
        return roster
    }

    /// Decides who is in a roster, counting who is left out and why.
    private struct Filter {
        let wanted: Set<String>
        let suppressions: SuppressionList
        let defaultTimeZone: TimeZone
        let now: Date
        var leftOut = LeftOut()

        init(wanted: Set<String>, suppressions: SuppressionList, defaultTimeZone: TimeZone, now: Date) {
            self.wanted = Set(wanted.map { $0.lowercased() })
            self.suppressions = suppressions
            self.defaultTimeZone = defaultTimeZone
            self.now = now
        }

        /// The planning candidate, or nil when the prospect must not be written to.
        mutating func candidate(id: Int64, identity: String, timeZone: String?, state: ProspectState, snoozedUntil: Date?,
                                enrolment: Enrolment) -> PlanCandidate? {
            if !wanted.isEmpty && !wanted.contains(identity) { return nil }
            if suppressions.contains(identity) {
                leftOut.suppressed += 1
                return nil
            }
            guard state == .active || state == .snoozed else {
                leftOut.byState[state, default: 0] += 1
                return nil
            }
            let since = enrolment.lastSentAt ?? enrolment.enrolledAt
            if since > now {
                leftOut.afterTheClock += 1
                leftOut.earliestAfterTheClock = min(leftOut.earliestAfterTheClock ?? since, since)
            }
            let zone = timeZone.flatMap { TimeZoneCache.shared.zone($0) } ?? defaultTimeZone
            let notBefore = [state == .snoozed ? snoozedUntil : nil, enrolment.retryAfter].compactMap { $0 }.max()
            return PlanCandidate(prospectID: id, identity: identity, timeZone: zone, nextStep: enrolment.nextStep, attempts: enrolment.attempts,
                                 lastSentAt: enrolment.lastSentAt, enrolledAt: enrolment.enrolledAt, notBefore: notBefore)
        }
    }
}
