import MailTransport

/// What the user must hear about weakened TLS on every run, and how a connection was secured.
enum TLSWarnings {
    /// One warning per server whose certificate checks are switched off.
    static func lines(for config: FollowUpConfig) -> [String] {
        var lines: [String] = []
        if let smtp = config.smtp, !smtp.server.verifyTLS {
            lines.append("smtp.danger_accept_invalid_certificates is on: anyone between you and \(smtp.server.host) can read your mail and password")
        }
        if let imap = config.imap, !imap.server.verifyTLS {
            lines.append("imap.danger_accept_invalid_certificates is on: anyone between you and \(imap.server.host) can read your mail and password")
        }
        return lines
    }

    /// `TLS verified (CA file ...)`, `TLS not verified`, `no TLS`.
    static func summary(_ server: MailServer) -> String {
        let tls = server.usesImplicitTLS || server.startTLS != .never
        guard tls else { return "no TLS" }
        guard server.verifyTLS else { return "TLS NOT verified" }
        let how = server.usesImplicitTLS ? "TLS" : server.startTLS == .required ? "STARTTLS" : "STARTTLS if offered"
        return "\(how) verified" + (server.caFile.map { " against \($0)" } ?? " against the system's CAs")
    }
}
