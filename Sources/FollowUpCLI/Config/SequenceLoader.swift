import FollowUp
import Foundation

/// Reads the config's step templates (and their `.html` twins) from disk.
enum SequenceLoader {
    /// The sequence, or a failure (exit 2) listing every problem of every template.
    static func load(_ config: FollowUpConfig) throws(CLIFailure) -> LoadedSequence {
        var steps: [StepTemplate] = []
        var problems: [String] = []
        for (index, step) in config.steps.enumerated() {
            guard let data = FileManager.default.contents(atPath: step.template) else {
                let exists = FileManager.default.fileExists(atPath: step.template)
                let key = step.key.isEmpty ? "steps[\(index)].template" : step.key
                problems.append("\(config.file):\(step.line > 0 ? "\(step.line):" : "") \(key): "
                                + (exists ? "cannot read the template \(step.templateAsWritten)" : "no template file at \(step.templateAsWritten)")
                                + " (paths are relative to the config's folder)")
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append("\(step.templateAsWritten): not valid UTF-8")
                continue
            }
            let htmlPath = StepTemplate.htmlTwinName(for: step.template)
            let html = FileManager.default.contents(atPath: htmlPath).map { String(decoding: $0, as: UTF8.self) }
            do {
                let template = try StepTemplate.load(text: text, file: step.templateAsWritten, htmlText: html)
                if index == 0 && template.subject == nil {
                    problems.append("\(step.templateAsWritten):1:1: the first step needs a `subject:` line (later steps without one reply in its thread)")
                }
                steps.append(template)
            } catch {
                problems.append(contentsOf: error.errors.map(\.description))
            }
        }
        guard problems.isEmpty else { throw CLIFailure(.invalidInput, lines: problems) }
        return LoadedSequence(steps: steps, timing: config.sequenceTiming)
    }
}
