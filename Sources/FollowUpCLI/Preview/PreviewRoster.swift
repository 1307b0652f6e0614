import FollowUp
import FollowUpStore
import Foundation

/// The engine's `Roster` for a command: from the store, or from `--prospects FILE.csv`, with the
/// notes a reader needs (who was left out, and why).
struct PreviewRoster {
    /// The Message-ID secret used when no store exists yet (IDs change once one is created).
    static let secretWithoutStore = "preview-without-a-store"

    /// Who is covered.
    let roster: Roster
    /// Remarks for the reader (who was left out, and why).
    let notes: [String]

    /// What the planner needs of every prospect that may be written to.
    var candidates: [PlanCandidate] { roster.candidates }

    /// The prospect and enrolment with this id, with template fields.
    func prospect(_ id: Int64) -> (Prospect, Enrolment)? {
        roster.prospect(id)
    }

    /// Builds the roster; a CSV with bad rows fails with exit 2 listing them.
    static func load(config: FollowUpConfig, csv: String?, only: [String], store: SQLiteProspectStore?, now: Date) throws(CLIFailure) -> PreviewRoster {
        let wanted = Set(only.map { $0.lowercased() })
        let zone = config.sendingPolicy.defaultTimeZone
        var notes: [String] = []
        let roster: Roster
        do {
            if let csv {
                let (rows, problems) = try ProspectFile.read(csv)
                guard problems.isEmpty else { throw CLIFailure(.invalidInput, lines: problems.map(\.description)) }
                roster = try Roster.imported(rows, store: store, only: wanted, defaultTimeZone: zone, now: now)
            } else if let store {
                roster = try Roster.enrolled(in: store, only: wanted, defaultTimeZone: zone, now: now)
            } else {
                roster = try Roster.imported([], store: nil, defaultTimeZone: zone, now: now)
                notes.append("no prospects: the store \(config.storePath) does not exist yet; run `followup import FILE.csv`, or pass --prospects FILE.csv")
            }
        } catch let error as CLIFailure {
            throw error
        } catch let error as StoreError {
            throw CLIFailure(.failed, error.description)
        } catch {
            throw CLIFailure(.failed, "\(error)")
        }
        notes.append(contentsOf: Self.notes(roster.leftOut, now: now))
        if !wanted.isEmpty && roster.candidates.isEmpty {
            notes.append("none of the --prospect addresses is an active prospect")
        }
        return PreviewRoster(roster: roster, notes: notes)
    }

    private static func notes(_ leftOut: Roster.LeftOut, now: Date) -> [String] {
        var notes: [String] = []
        if leftOut.suppressed > 0 { notes.append("\(leftOut.suppressed) prospect(s) left out: on the suppression list") }
        for (state, count) in leftOut.byState.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            notes.append("\(count) prospect(s) left out: \(state.rawValue)")
        }
        if leftOut.afterTheClock > 0, let earliest = leftOut.earliestAfterTheClock {
            notes.append("\(leftOut.afterTheClock) prospect(s) were imported or last written to after the clock (\(ISOTime.format(now))), "
                         + "the earliest at \(ISOTime.format(earliest)): nothing is planned for them before then; use a later --now")
        }
        return notes
    }
}

extension DuePlan {
    /// `make` with the config's policy and timing; a store failure becomes a one-line CLI error.
    static func make(config: FollowUpConfig, candidates: [PlanCandidate], store: SQLiteProspectStore?, now: Date,
                     days: Int, secret: String) throws(CLIFailure) -> [PlanEntry] {
        do {
            return try make(policy: config.sendingPolicy, timing: config.sequenceTiming, candidates: candidates, store: store,
                            now: now, days: days, secret: secret)
        } catch {
            throw CLIFailure(.failed, error.description)
        }
    }
}
