import Foundation
import MailTransport

/// Where a server password, or an OAuth2 access token, comes from: never the config file itself.
enum PasswordSource: Sendable, Equatable {
    /// The value of this environment variable.
    case environment(String)
    /// The standard output of this shell command (trailing newline removed), e.g. `pass show mail`.
    case command(String)
    /// The standard output of this shell command: a current OAuth2 access token (the msmtp and
    /// mbsync convention, e.g. `oama access kira@example.com`). Run anew for every connection.
    case tokenCommand(String)
    /// The access token of the sign-in `followup auth login` saved, refreshed when it is near expiry.
    case signedIn(OAuthSettings)

    /// Seconds a password command may run before it is stopped.
    static let commandTimeoutSeconds = 15.0

    /// Reads the password; the error names the source, never the value. A command that runs
    /// longer than `timeoutSeconds` is stopped and reported.
    func resolve(for section: String, timeoutSeconds: Double = commandTimeoutSeconds) throws(CLIFailure) -> Secret {
        switch self {
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw CLIFailure(.failed, "the \(section) password is read from the environment variable \(name), which is not set; export it, or use \(section).password_command")
            }
            return Secret(value)
        case .command(let command):
            return try run(command, section: section, key: "password_command", timeoutSeconds: timeoutSeconds)
        case .tokenCommand(let command):
            return try run(command, section: section, key: "token_command", timeoutSeconds: timeoutSeconds)
        case .signedIn(let settings):
            return try OAuthTokenFile.accessToken(settings, now: Date())
        }
    }

    /// After a server refused the access token this source gave: a saved sign-in marks its access
    /// token as spent, so the next `resolve` refreshes it (a token command is simply run again).
    func forgetRefusedToken() {
        guard case .signedIn(let settings) = self, var saved = try? OAuthTokenFile.load(settings.tokenFile) else { return }
        saved.tokens.expiresAt = Date(timeIntervalSince1970: 0)
        try? saved.save(settings.tokenFile)
    }

    private func run(_ command: String, section: String, key: String, timeoutSeconds: Double) throws(CLIFailure) -> Secret {
        let output: Data
        switch ShellCommand.run(command, timeoutSeconds: timeoutSeconds) {
        case .notStarted(let reason):
            throw CLIFailure(.failed, "cannot run \(section).\(key): \(reason)")
        case .timedOut:
            throw CLIFailure(.failed, "\(section).\(key) did not finish within \(Int(timeoutSeconds)) s; check that it does not wait for input")
        case .exited(let status, let printed):
            guard status == 0 else {
                throw CLIFailure(.failed, "\(section).\(key) exited with status \(status); run it yourself to see why")
            }
            output = printed
        }
        var text = String(decoding: output, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        if key == "token_command" { text = text.trimmingCharacters(in: .whitespaces) }
        guard !text.isEmpty else {
            throw CLIFailure(.failed, "\(section).\(key) printed nothing" + (key == "token_command" ? "; it must print a current access token" : ""))
        }
        return Secret(text)
    }
}
