import FollowUp
import FollowUpStore
import Foundation

/// The prospects a preview covers: the store's active ones, or a CSV's as if newly imported.
struct PreviewRoster {
    /// The Message-ID secret used when no store exists yet (IDs change once one is created).
    static let secretWithoutStore = "preview-without-a-store"

    var prospects: [Int64: Prospect] = [:]
    var enrolments: [Int64: Enrolment] = [:]
    var candidates: [PlanCandidate] = []
    /// Remarks for the reader (who was left out, and why).
    var notes: [String] = []

    /// Builds the roster; a CSV with bad rows fails with exit 2 listing them.
    static func load(config: FollowUpConfig, csv: String?, only: [String], store: SQLiteProspectStore?, now: Date) throws(CLIFailure) -> PreviewRoster {
        var roster = PreviewRoster()
        let wanted = Set(only.map { $0.lowercased() })
        let suppressions: SuppressionList
        do {
            suppressions = try store?.suppressionList() ?? SuppressionList()
        } catch {
            throw CLIFailure(.failed, error.description)
        }
        var pairs: [(Prospect, Enrolment)] = []
        if let csv {
            let (rows, problems) = try ProspectFile.read(csv)
            guard problems.isEmpty else { throw CLIFailure(.invalidInput, lines: problems.map(\.description)) }
            let known: [String: ProspectState]
            do {
                known = try store?.prospectStates() ?? [:]
            } catch {
                throw CLIFailure(.failed, error.description)
            }
            for (offset, row) in rows.enumerated() {
                let id = Int64(offset + 1)
                let state = known[row.identity] ?? .active
                let prospect = Prospect(id: id, email: row.email, identity: row.identity, fields: row.fields, timeZone: row.timeZone, state: state)
                pairs.append((prospect, Enrolment(prospectID: id, enrolledAt: now)))
            }
        } else if let store {
            do {
                pairs = try store.enrolledProspects()
            } catch {
                throw CLIFailure(.failed, error.description)
            }
        } else {
            roster.notes.append("no prospects: the store \(config.storePath) does not exist yet; run `followup import FILE.csv`, or pass --prospects FILE.csv")
        }
        var skipped: [ProspectState: Int] = [:]
        var suppressed = 0
        for (prospect, enrolment) in pairs {
            if !wanted.isEmpty && !wanted.contains(prospect.identity) { continue }
            if suppressions.contains(prospect.identity) {
                suppressed += 1
                continue
            }
            guard prospect.state == .active || prospect.state == .snoozed else {
                skipped[prospect.state, default: 0] += 1
                continue
            }
            roster.prospects[prospect.id] = prospect
            roster.enrolments[prospect.id] = enrolment
            roster.candidates.append(PlanCandidate(
                prospectID: prospect.id, identity: prospect.identity, timeZone: config.timeZone(of: prospect),
                nextStep: enrolment.nextStep, attempts: enrolment.attempts, lastSentAt: enrolment.lastSentAt,
                enrolledAt: enrolment.enrolledAt,
                notBefore: [prospect.state == .snoozed ? prospect.snoozedUntil : nil, enrolment.retryAfter].compactMap { $0 }.max()))
        }
        if suppressed > 0 { roster.notes.append("\(suppressed) prospect(s) left out: on the suppression list") }
        for (state, count) in skipped.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            roster.notes.append("\(count) prospect(s) left out: \(state.rawValue)")
        }
        if !wanted.isEmpty && roster.candidates.isEmpty {
            roster.notes.append("none of the --prospect addresses is an active prospect")
        }
        return roster
    }
}
