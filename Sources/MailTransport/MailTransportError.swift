/// Why talking to a mail server failed, with the server, the command and its reply for context.
///
/// Never carries a credential: replies come from the redacted transcript, and libcurl's detail
/// text does not include passwords.
public struct MailTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as far as a caller needs to decide what to do next.
    public enum Kind: String, Sendable {
        /// The server URL is not `smtp[s]://host[:port]` or `imap[s]://host[:port]`.
        case invalidURL
        /// Nothing answered at the address (refused, unreachable, unknown host).
        case connectionFailed
        /// The server did not answer within the configured timeout.
        case timedOut
        /// The server's certificate is not trusted or does not name the host.
        case tlsVerificationFailed
        /// The TLS handshake failed for another reason.
        case tlsFailed
        /// STARTTLS is required but the server did not offer it.
        case startTLSUnavailable
        /// The server rejected the username or password.
        case authenticationFailed
        /// The connection broke in the middle of an exchange.
        case connectionLost
        /// The IMAP mailbox does not exist (or cannot be opened).
        case mailboxNotFound
        /// The server refused a command (an IMAP `NO`/`BAD`, an SMTP 4xx/5xx outside a delivery).
        case commandRefused
        /// The server said something we could not understand.
        case protocolError
        /// The CA file named in the config cannot be read.
        case caFileUnreadable
        /// libcurl could not allocate or configure a handle.
        case internalFailure
    }

    /// What went wrong.
    public let kind: Kind
    /// The server's host.
    public let host: String
    /// The login name, when one was used.
    public let username: String?
    /// The command that failed (`AUTH`, `UID SEARCH`, `SELECT`), when known.
    public let command: String?
    /// What the server answered, when it answered.
    public let reply: String?
    /// libcurl's detail text, or our own.
    public let detail: String
    /// How the client signed in, so that a refused sign-in can say what was refused.
    public var signIn: SignIn = .password

    /// Creates an error; `reply` and `detail` must not hold secrets.
    public init(kind: Kind, host: String, username: String? = nil, command: String? = nil, reply: String? = nil, detail: String) {
        self.kind = kind
        self.host = host
        self.username = username
        self.command = command
        self.reply = reply
        self.detail = detail
    }

    /// True when trying again later may succeed without changing the configuration.
    public var isTransient: Bool {
        switch kind {
        case .connectionFailed, .timedOut, .connectionLost: return true
        default: return false
        }
    }

    /// One sentence saying what failed and where.
    /// What to check when a server refuses an access token, from what it said where providers
    /// document it (Microsoft 365's SMTP AUTH switch, Gmail's "username and password not accepted").
    static func tokenAdvice(reply: String?) -> String {
        let said = (reply ?? "").lowercased()
        if said.contains("smtpclientauthentication is disabled") || said.contains("5.7.139") {
            return "SMTP AUTH is turned off for this mailbox or tenant: an administrator turns on Authenticated SMTP "
                + "for it in the Microsoft 365 admin center (Users, Mail, Manage email apps)"
        }
        // Gmail's wording; the bare 5.7.8 is every server's "credentials invalid" (RFC 4954).
        if said.contains("username and password not accepted") {
            return "the token is not valid for this address: check that it was issued for the username in the config, "
                + "with the scope https://mail.google.com/, and sign in again with your token helper"
        }
        return "it may have expired or been revoked, lack the mail scope (IMAP.AccessAsUser.All and SMTP.Send for Microsoft 365, "
            + "https://mail.google.com/ for Google), or be for another tenant or account; sign in again with your token helper"
    }

    public var description: String {
        let said = reply.map { " (server said: \($0))" } ?? ""
        switch kind {
        case .invalidURL:
            return "\(detail)"
        case .connectionFailed:
            return "cannot connect to \(host): \(detail)"
        case .timedOut:
            return "\(host) did not answer in time\(command.map { " to \($0)" } ?? ""): \(detail)"
        case .tlsVerificationFailed:
            return "cannot verify the TLS certificate of \(host): \(detail); set ca_file to the certificate authority that signed it"
        case .tlsFailed:
            return "TLS handshake with \(host) failed: \(detail)"
        case .startTLSUnavailable:
            return "\(host) does not offer STARTTLS, and starttls = \"required\" forbids continuing without encryption"
        case .authenticationFailed where signIn != .password:
            return "\(host) refused the OAuth2 access token for \(username ?? "(no username)") (\(signIn.rawValue.uppercased()))\(said); "
                + Self.tokenAdvice(reply: reply)
        case .authenticationFailed:
            return "authentication failed for \(username ?? "(no username)") at \(host)\(said)"
        case .connectionLost:
            return "the connection to \(host) was lost\(command.map { " during \($0)" } ?? ""): \(detail)"
        case .mailboxNotFound:
            return "mailbox \(detail) does not exist at \(host)\(said)"
        case .commandRefused:
            return "\(host) refused \(command ?? "a command")\(said)"
        case .protocolError:
            return "unexpected answer from \(host)\(command.map { " to \($0)" } ?? ""): \(detail)\(said)"
        case .caFileUnreadable:
            return "cannot read the CA file for \(host): \(detail)"
        case .internalFailure:
            return "libcurl failed while talking to \(host): \(detail)"
        }
    }
}
