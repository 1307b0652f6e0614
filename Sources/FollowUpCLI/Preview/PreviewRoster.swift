import FollowUp
import FollowUpStore
import Foundation

/// The prospects a preview or a send covers: the store's active ones, or a CSV's as if newly
/// imported. Holds only what planning needs; each prospect's fields are loaded when its message
/// is composed, so memory stays small however many prospects there are.
struct PreviewRoster {
    /// The Message-ID secret used when no store exists yet (IDs change once one is created).
    static let secretWithoutStore = "preview-without-a-store"

    /// What the planner needs of every prospect that may be written to.
    var candidates: [PlanCandidate] = []
    /// Remarks for the reader (who was left out, and why).
    var notes: [String] = []
    /// The prospect and enrolment with this id, with template fields.
    private var lookup: (Int64) -> (Prospect, Enrolment)? = { _ in nil }

    /// The prospect and enrolment with this id, with template fields.
    func prospect(_ id: Int64) -> (Prospect, Enrolment)? {
        lookup(id)
    }

    /// Builds the roster; a CSV with bad rows fails with exit 2 listing them.
    static func load(config: FollowUpConfig, csv: String?, only: [String], store: SQLiteProspectStore?, now: Date) throws(CLIFailure) -> PreviewRoster {
        var roster = PreviewRoster()
        var filter = RosterFilter(config: config, wanted: Set(only.map { $0.lowercased() }), now: now)
        do {
            filter.suppressions = try store?.suppressionList() ?? SuppressionList()
        } catch {
            throw CLIFailure(.failed, error.description)
        }
        if let csv {
            let (rows, problems) = try ProspectFile.read(csv)
            guard problems.isEmpty else { throw CLIFailure(.invalidInput, lines: problems.map(\.description)) }
            let known: [String: ProspectState]
            do {
                known = try store?.prospectStates() ?? [:]
            } catch {
                throw CLIFailure(.failed, error.description)
            }
            func state(_ row: ProspectRow) -> ProspectState {
                known.isEmpty ? .active : known[row.identity] ?? .active
            }
            func pair(_ index: Int) -> (Prospect, Enrolment) {
                let row = rows[index]
                let id = Int64(index + 1)
                return (Prospect(id: id, email: row.email, identity: row.identity, fields: row.fields, timeZone: row.timeZone,
                                 state: state(row)), Enrolment(prospectID: id, enrolledAt: now))
            }
            roster.candidates.reserveCapacity(rows.count)
            for (index, row) in rows.enumerated() {
                let id = Int64(index + 1)
                if let candidate = filter.candidate(id: id, identity: row.identity, timeZone: row.timeZone, state: state(row),
                                                    snoozedUntil: nil, enrolment: Enrolment(prospectID: id, enrolledAt: now)) {
                    roster.candidates.append(candidate)
                }
            }
            roster.lookup = { id in rows.indices.contains(Int(id) - 1) ? pair(Int(id) - 1) : nil }
        } else if let store {
            do {
                try store.forEachPlanningRow { row in
                    if let candidate = filter.candidate(id: row.id, identity: row.identity, timeZone: row.timeZone, state: row.state,
                                                        snoozedUntil: row.snoozedUntil, enrolment: row.enrolment) {
                        roster.candidates.append(candidate)
                    }
                }
            } catch {
                throw CLIFailure(.failed, error.description)
            }
            roster.lookup = { id in (try? store.enrolledProspect(id: id)) ?? nil }
        } else {
            roster.notes.append("no prospects: the store \(config.storePath) does not exist yet; run `followup import FILE.csv`, or pass --prospects FILE.csv")
        }
        roster.notes.append(contentsOf: filter.notes)
        if !filter.wanted.isEmpty && roster.candidates.isEmpty {
            roster.notes.append("none of the --prospect addresses is an active prospect")
        }
        return roster
    }
}

/// Decides who is in a roster, counting who is left out and why.
private struct RosterFilter {
    let config: FollowUpConfig
    let wanted: Set<String>
    var suppressions = SuppressionList()
    var skipped: [ProspectState: Int] = [:]
    var suppressed = 0
    /// The clock of the preview or send.
    let now: Date
    /// Prospects imported (or last written to) after `now`, and the earliest such time: a clock
    /// set before the import plans nothing for them, which a reader must be told.
    var fromTheFuture = 0
    var earliestFuture: Date?

    init(config: FollowUpConfig, wanted: Set<String>, now: Date) {
        self.config = config
        self.wanted = wanted
        self.now = now
    }

    /// The planning candidate, or nil when the prospect must not be written to.
    mutating func candidate(id: Int64, identity: String, timeZone: String?, state: ProspectState, snoozedUntil: Date?,
                            enrolment: Enrolment) -> PlanCandidate? {
        if !wanted.isEmpty && !wanted.contains(identity) { return nil }
        if suppressions.contains(identity) {
            suppressed += 1
            return nil
        }
        guard state == .active || state == .snoozed else {
            skipped[state, default: 0] += 1
            return nil
        }
        let since = enrolment.lastSentAt ?? enrolment.enrolledAt
        if since > now {
            fromTheFuture += 1
            earliestFuture = min(earliestFuture ?? since, since)
        }
        let zone = timeZone.flatMap { TimeZoneCache.shared.zone($0) } ?? config.sendingPolicy.defaultTimeZone
        let notBefore = [state == .snoozed ? snoozedUntil : nil, enrolment.retryAfter].compactMap { $0 }.max()
        return PlanCandidate(prospectID: id, identity: identity, timeZone: zone, nextStep: enrolment.nextStep, attempts: enrolment.attempts,
                             lastSentAt: enrolment.lastSentAt, enrolledAt: enrolment.enrolledAt, notBefore: notBefore)
    }

    var notes: [String] {
        var notes: [String] = []
        if suppressed > 0 { notes.append("\(suppressed) prospect(s) left out: on the suppression list") }
        for (state, count) in skipped.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            notes.append("\(count) prospect(s) left out: \(state.rawValue)")
        }
        if fromTheFuture > 0, let earliest = earliestFuture {
            notes.append("\(fromTheFuture) prospect(s) were imported or last written to after the clock (\(ISOTime.format(now))), "
                         + "the earliest at \(ISOTime.format(earliest)): nothing is planned for them before then; use a later --now")
        }
        return notes
    }
}
