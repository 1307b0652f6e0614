import FollowUp
import FollowUpStore
import Foundation

/// Renders every step of the sequence for every prospect in the store, as `doctor` promises.
enum TemplateCheck {
    /// A one-line summary when everything renders; otherwise every problem goes to stderr and the
    /// failure says how many there are.
    static func renderAll(config: FollowUpConfig, now: Date, console: Console) throws(CLIFailure) -> String {
        let sequence: LoadedSequence
        do {
            sequence = try SequenceLoader.load(config)
        } catch {
            for line in error.lines { console.err(line) }
            throw CLIFailure(.failed, "\(error.lines.count) problem(s) in the templates (listed on stderr)")
        }
        guard let store = try StoreAccess.openIfPresent(config) else {
            return "\(sequence.steps.count) template(s) parse; no prospects imported yet to render them for"
        }
        let roster = try PreviewRoster.load(config: config, csv: nil, only: [], store: store, now: now)
        let composer = MessageComposer(sender: config.senderIdentity, sequence: sequence, secret: try StoreAccess.secret(store))
        var problems: [String] = []
        var rendered = 0
        for candidate in roster.candidates {
            guard let (prospect, enrolment) = roster.prospect(candidate.prospectID) else { continue }
            for step in 1...sequence.steps.count {
                do {
                    _ = try composer.compose(prospect: prospect, step: step, attempt: step, at: now,
                                             firstSentAt: enrolment.firstSentAt, firstSubject: enrolment.firstSubject)
                    rendered += 1
                } catch {
                    problems.append(contentsOf: error.lines.filter { !problems.contains($0) })
                }
            }
        }
        guard problems.isEmpty else {
            for line in problems { console.err(line) }
            throw CLIFailure(.failed, "\(problems.count) problem(s) rendering the templates for \(roster.candidates.count) prospect(s) (listed on stderr)")
        }
        return "\(rendered) message(s) render: \(sequence.steps.count) step(s) × \(roster.candidates.count) active prospect(s)"
    }
}
