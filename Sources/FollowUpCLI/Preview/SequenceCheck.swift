import FollowUp
import FollowUpStore
import Foundation

/// Every step of the sequence tried for every kind of prospect in a roster, whatever window a
/// preview shows: a typo in step 3 is found on the first preview, not three days into a campaign.
///
/// Prospects are grouped by which of the templates' fields they lack or hold a line break in (the
/// causes of a rendering error), and each step is rendered for one prospect of each group.
enum SequenceCheck {
    /// One line per distinct problem, naming the step, the template's message, an example prospect
    /// and how many prospects share it; empty when every step renders for every group.
    static func problems(roster: PreviewRoster, fromCSV: Bool, store: SQLiteProspectStore?, sequence: LoadedSequence,
                         composer: MessageComposer, now: Date) throws(CLIFailure) -> [String] {
        let fields = Array(Set(sequence.steps.flatMap { step in
            (step.subject?.fieldNames ?? []) + step.body.fieldNames + (step.html?.fieldNames ?? [])
        })).sorted()
        let groups = try representatives(roster: roster, fromCSV: fromCSV, store: store, fields: fields)
        var problems: [String] = []
        for (id, count) in groups {
            guard let (prospect, enrolment) = roster.prospect(id) else { continue }
            for step in sequence.steps.indices.map({ $0 + 1 }) {
                do {
                    _ = try composer.compose(prospect: prospect, step: step, attempt: step, at: now,
                                             firstSentAt: enrolment.firstSentAt, firstSubject: enrolment.firstSubject)
                } catch {
                    let others = count > 1 ? " (and \(count - 1) other prospect(s) like them)" : ""
                    for line in error.lines {
                        let text = "step \(step): \(line)\(others)"
                        if !problems.contains(text) { problems.append(text) }
                    }
                }
            }
        }
        return problems
    }

    /// One prospect id per field shape, with the shape's size, among the roster's candidates.
    private static func representatives(roster: PreviewRoster, fromCSV: Bool, store: SQLiteProspectStore?,
                                        fields: [String]) throws(CLIFailure) -> [(Int64, Int)] {
        let candidates = Set(roster.candidates.map(\.prospectID))
        if !fromCSV, let store {
            do {
                return try store.fieldShapes(of: fields).filter { candidates.contains($0.exampleID) }.map { ($0.exampleID, $0.count) }
            } catch {
                throw CLIFailure(.failed, error.description)
            }
        }
        var shapes: [[Bool]: (Int64, Int)] = [:]
        var order: [[Bool]] = []
        for id in roster.candidates.map(\.prospectID) {
            guard let (prospect, _) = roster.prospect(id) else { continue }
            let shape = fields.flatMap { name -> [Bool] in
                let value = prospect.fields[name] ?? ""
                return [value.isEmpty, value.contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }]
            }
            if let known = shapes[shape] {
                shapes[shape] = (known.0, known.1 + 1)
            } else {
                shapes[shape] = (id, 1)
                order.append(shape)
            }
        }
        return order.compactMap { shapes[$0] }
    }
}
