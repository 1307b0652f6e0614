import MailTransport

/// Attaches the password from its source to a server description, just before connecting.
enum ServerCredentials {
    /// `server` with its password read from `source` (nil source: no login).
    static func withPassword(_ server: MailServer, source: PasswordSource?, section: String) throws(CLIFailure) -> MailServer {
        guard server.username != nil, let source else { return server }
        var resolved = server
        resolved.password = try source.resolve(for: section)
        return resolved
    }
}
