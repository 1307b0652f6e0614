import FollowUp
import FollowUpStore
import Foundation

/// Renders every step of the sequence for every prospect in the store, as `doctor` promises, and
/// checks that every step prints the postal address and the opt-out line.
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
            let missing = requiredLines(config: config, sequence: sequence, rendered: [:])
            guard missing.isEmpty else {
                for line in missing { console.err(line) }
                throw CLIFailure(.failed, "\(missing.count) step(s) lack the postal address or the opt-out line (listed on stderr)")
            }
            return "\(sequence.steps.count) template(s) parse and print the postal address and the opt-out line; no prospects imported yet to render them for"
        }
        let roster = try PreviewRoster.load(config: config, csv: nil, only: [], store: store, now: now)
        let composer = MessageComposer(sender: config.senderIdentity, sequence: sequence, secret: try StoreAccess.secret(store))
        var problems: [String] = []
        var rendered = 0
        var examples: [Int: ComposedMessage] = [:]
        for candidate in roster.candidates {
            guard let (prospect, enrolment) = roster.prospect(candidate.prospectID) else { continue }
            for step in 1...sequence.steps.count {
                do {
                    let message = try composer.compose(prospect: prospect, step: step, attempt: step, at: now,
                                                       firstSentAt: enrolment.firstSentAt, firstSubject: enrolment.firstSubject)
                    if examples[step] == nil { examples[step] = message }
                    rendered += 1
                } catch {
                    problems.append(contentsOf: error.lines.filter { !problems.contains($0) })
                }
            }
        }
        problems += requiredLines(config: config, sequence: sequence, rendered: examples)
        guard problems.isEmpty else {
            for line in problems { console.err(line) }
            throw CLIFailure(.failed, "\(problems.count) problem(s) rendering the templates for \(roster.candidates.count) prospect(s) (listed on stderr)")
        }
        return "\(rendered) message(s) render: \(sequence.steps.count) step(s) × \(roster.candidates.count) active prospect(s), "
            + "each with the postal address and the opt-out line"
    }

    /// The postal-address and opt-out errors of every step: on its rendered example when there is
    /// one, else on its template's source.
    private static func requiredLines(config: FollowUpConfig, sequence: LoadedSequence, rendered: [Int: ComposedMessage]) -> [String] {
        config.steps.enumerated().flatMap { index, step in
            let source = (try? String(contentsOfFile: step.template, encoding: .utf8)) ?? ""
            return ComplianceCheck.requiredLines(step: index + 1, file: step.templateAsWritten, rendered: rendered[index + 1],
                                                 source: source, config: config)
        }
    }
}
