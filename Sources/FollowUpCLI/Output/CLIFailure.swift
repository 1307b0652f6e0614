/// A command's failure as the user sees it: lines for stderr and the exit code of the contract.
struct CLIFailure: Error, CustomStringConvertible {
    /// The contract's exit codes.
    enum Code: Int32 {
        /// The command failed; one line says why.
        case failed = 1
        /// Bad usage, or an invalid config, template or CSV; every problem is listed.
        case invalidInput = 2
        /// Partly done; a summary says what was and was not done.
        case partial = 3
    }

    /// The exit code.
    let code: Code
    /// What to print on stderr, one problem per line.
    let lines: [String]

    /// A failure with one line.
    init(_ code: Code, _ line: String) {
        self.code = code
        self.lines = [line]
    }

    /// A failure with several lines (every problem of an invalid file).
    init(_ code: Code, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    var description: String { lines.joined(separator: "\n") }
}
