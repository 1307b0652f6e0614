import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where user-facing text goes: results on stdout, diagnostics on stderr, colour only when
/// stdout is a terminal and `NO_COLOR` is not set.
struct Console: Sendable {
    /// Whether stdout is an interactive terminal (progress lines and colour allowed).
    let isTerminal: Bool
    /// Whether ANSI colours may be used on stdout.
    let useColour: Bool

    /// The console of this process, decided from the environment once.
    static let current: Console = {
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(STDOUT_FILENO) == 1
        let colour = terminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
        return Console(isTerminal: terminal, useColour: colour)
    }()

    /// Writes one line to stdout.
    func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes one line to stderr.
    func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `text` in green when colour is on.
    func good(_ text: String) -> String { paint(text, "32") }
    /// `text` in red when colour is on.
    func bad(_ text: String) -> String { paint(text, "31") }
    /// `text` in yellow when colour is on.
    func warn(_ text: String) -> String { paint(text, "33") }
    /// `text` dimmed when colour is on.
    func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
