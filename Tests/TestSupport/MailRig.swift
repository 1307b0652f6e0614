import Foundation
public import MailTransport

/// The loopback mail servers started by `scripts/mail-servers.sh`, as the integration tests see them.
///
/// Tests that need the rig use `MailRig.isUsable` as their enabling condition. In CI (`CI=true`)
/// the condition is always true, so a missing server makes those tests fail instead of skipping;
/// locally, without the rig, they are skipped and a notice says how to start it.
public enum MailRig {
    /// The rig's directory (`$FOLLOWUP_RIG`, default `/tmp/followup-rig`).
    public static let root = ProcessInfo.processInfo.environment["FOLLOWUP_RIG"] ?? "/tmp/followup-rig"
    /// The password of every rig user.
    public static let password = ProcessInfo.processInfo.environment["FOLLOWUP_RIG_PASSWORD"] ?? "secret"
    /// The certificate the servers present, which is also its own CA.
    public static var caFile: String { root + "/tls/cert.pem" }
    /// An unrelated CA that must not verify the servers.
    public static var otherCAFile: String { root + "/tls/other-ca.pem" }
    /// The user our tool sends as and whose INBOX receives replies.
    public static let sales = "sales@example.test"
    /// The user standing in for prospects (plus-addresses land in its INBOX).
    public static let prospect = "prospect@example.test"
    /// A user whose INBOX only receives messages that tests APPEND and then find by UID; nobody
    /// counts what it holds, so suites running side by side cannot disturb each other there.
    public static let appender = "appender@example.test"

    /// SMTP on 2525: STARTTLS offered, AUTH offered, loopback may relay without AUTH.
    public static let smtpPlainPort = 2525
    /// SMTP on 2526: no STARTTLS at all.
    public static let smtpNoTLSPort = 2526
    /// Submission on 2587: STARTTLS and AUTH required.
    public static let submissionPort = 2587
    /// SMTPS on 2465: implicit TLS, AUTH required.
    public static let smtpsPort = 2465
    /// IMAP on 1143 (STARTTLS offered).
    public static let imapPort = 1143
    /// IMAPS on 1993.
    public static let imapsPort = 1993

    /// True when the tests that need the rig should run: always in CI, else when it answers.
    public static let isUsable: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let up = [smtpPlainPort, submissionPort, smtpsPort, imapPort, imapsPort].allSatisfy { Loopback.accepts(port: $0) }
        if !up {
            print("notice: mail servers not running on 127.0.0.1; integration tests skipped (run scripts/mail-servers.sh up as root, or scripts/test)")
        }
        return up
    }()

    /// An SMTP server description for `port` with the rig's CA, logging in as `user` when given.
    public static func smtp(
        scheme: String = "smtp", port: Int, user: String? = sales, password: String? = nil,
        startTLS: StartTLSPolicy = .required, caFile: String? = caFile, host: String = "127.0.0.1",
        connectTimeout: Int = 5, operationTimeout: Int = 20
    ) -> MailServer {
        MailServer(url: "\(scheme)://\(host):\(port)", username: user, password: user == nil ? nil : Secret(password ?? Self.password),
                   caFile: caFile, startTLS: startTLS, connectTimeoutSeconds: connectTimeout, operationTimeoutSeconds: operationTimeout)
    }

    /// An IMAP server description for `port` with the rig's CA, logging in as `user`.
    public static func imap(
        scheme: String = "imaps", port: Int = imapsPort, user: String = prospect, password: String? = nil,
        startTLS: StartTLSPolicy = .required, caFile: String? = caFile, host: String = "127.0.0.1",
        connectTimeout: Int = 5, operationTimeout: Int = 20
    ) -> MailServer {
        MailServer(url: "\(scheme)://\(host):\(port)", username: user, password: Secret(password ?? Self.password),
                   caFile: caFile, startTLS: startTLS, connectTimeoutSeconds: connectTimeout, operationTimeoutSeconds: operationTimeout)
    }
}
