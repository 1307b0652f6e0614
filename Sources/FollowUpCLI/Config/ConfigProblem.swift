/// One thing wrong with the config file, located by file, line and key.
struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The config file's path as the user named it.
    let file: String
    /// The line of the offending key (or its table), 1-based.
    let line: Int
    /// The key's dotted path (`smtp.starttls`, `steps[2].template`), empty for the whole file.
    let path: String
    /// What is wrong, as a sentence fragment.
    let message: String

    /// `followup.toml:12: smtp.starttls: expected a string, found an integer`.
    var description: String {
        path.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(path): \(message)"
    }
}
