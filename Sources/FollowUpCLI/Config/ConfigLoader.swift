import Foundation
import MailTransport
import TOML

/// Reads and validates the config file, collecting every problem instead of stopping at the first.
enum ConfigLoader {
    /// Loads `path`; throws a `CLIFailure` with exit code 2 listing every problem as `file:line: ...`.
    static func load(path: String) throws(CLIFailure) -> FollowUpConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CLIFailure(.invalidInput, exists ? "cannot read the config file \(path)"
                                                   : "no config file at \(path); run `followup init` or pass --config PATH")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIFailure(.invalidInput, "\(path): the config file is not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Validates config `text` as if read from `path`.
    static func parse(_ text: String, path: String) throws(CLIFailure) -> FollowUpConfig {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw CLIFailure(.invalidInput, "\(path):\(error.line):\(error.column): \(error.message)")
        }
        let problems = TOMLProblems()
        let reader = TOMLTableReader(root, problems: problems)
        let directory = (path as NSString).deletingLastPathComponent
        var decoder = ConfigDecoder(directory: directory.isEmpty ? "." : directory)
        let config = decoder.decode(reader, file: path)
        reader.rejectUnknownKeys()
        let all = problems.sortedByLine.map { ConfigProblem(file: path, line: $0.line, path: $0.path, message: $0.message) }
        guard all.isEmpty, let config else {
            throw CLIFailure(.invalidInput, lines: all.map(\.description))
        }
        return config
    }
}
