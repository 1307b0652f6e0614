/// How a connection to a mail server is secured with TLS when the URL's scheme is not implicit TLS.
public enum StartTLSPolicy: String, Sendable, CaseIterable {
    /// Upgrade with STARTTLS or fail; never talk (or authenticate) in plaintext.
    case required
    /// Upgrade when the server offers STARTTLS, continue in plaintext otherwise.
    case opportunistic
    /// Never upgrade; only sensible for a server on loopback.
    case never
}

/// How the client signs in: with a password (SASL PLAIN or LOGIN, as the server offers), or with
/// an OAuth2 access token (SASL XOAUTH2, or OAUTHBEARER of RFC 7628).
public enum SignIn: String, Sendable, CaseIterable {
    /// A password.
    case password
    /// An OAuth2 access token, as Google and Microsoft document XOAUTH2.
    case xoauth2
    /// An OAuth2 access token, with OAUTHBEARER (RFC 7628).
    case oauthbearer
}

/// Where and how to reach one SMTP or IMAP server: the URL, credentials, TLS rules and timeouts.
public struct MailServer: Sendable, Equatable {
    /// `smtp://`, `smtps://`, `imap://` or `imaps://` with host and optional port (no path, no user).
    public var url: String
    /// The login name, or nil to connect without authenticating.
    public var username: String?
    /// The password for `username`; with `signIn` XOAUTH2 or OAUTHBEARER, the access token.
    public var password: Secret?
    /// How to sign in with `password`.
    public var signIn: SignIn = .password
    /// A PEM file of trusted certificate authorities; nil uses the system's store.
    public var caFile: String?
    /// STARTTLS behaviour for `smtp://` and `imap://` URLs (ignored for implicit TLS).
    public var startTLS: StartTLSPolicy
    /// Verify the server's certificate and host name; turning this off is for tests against
    /// throwaway servers only.
    public var verifyTLS: Bool
    /// Seconds allowed to establish the connection, TLS and login included.
    public var connectTimeoutSeconds: Int
    /// Seconds allowed for one whole operation (one message sent, one command answered).
    public var operationTimeoutSeconds: Int

    /// A server description with verification on, STARTTLS required and 30 s / 120 s timeouts.
    public init(
        url: String,
        username: String? = nil,
        password: Secret? = nil,
        caFile: String? = nil,
        startTLS: StartTLSPolicy = .required,
        verifyTLS: Bool = true,
        connectTimeoutSeconds: Int = 30,
        operationTimeoutSeconds: Int = 120
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.caFile = caFile
        self.startTLS = startTLS
        self.verifyTLS = verifyTLS
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.operationTimeoutSeconds = operationTimeoutSeconds
    }

    /// The host named in `url`, for messages ("authentication failed for kira at mail.example.com").
    public var host: String { ServerURL(url)?.host ?? url }

    /// True when `url` uses implicit TLS (`smtps://` or `imaps://`).
    public var usesImplicitTLS: Bool {
        guard let scheme = ServerURL(url)?.scheme else { return false }
        return scheme == "smtps" || scheme == "imaps"
    }

    /// True when the host is a loopback address, where plaintext authentication cannot be sniffed.
    public var isLoopback: Bool {
        let host = self.host.lowercased()
        return host == "localhost" || host.hasPrefix("127.") || host == "[::1]" || host == "::1"
    }
}
