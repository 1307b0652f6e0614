import ArgumentParser
import Foundation
import MailTransport

/// `followup doctor`: checks the config, then connects, secures and logs in to both servers.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the config and templates, then connect, verify TLS and log in to the SMTP and IMAP servers.",
        discussion: """
        A pre-flight check, one line each: every step renders for every prospect and prints the postal \
        address and the opt-out line (else FAIL); values and templates still as `followup init` wrote \
        them, and a daily cap or gap that providers frown on, are `warn` lines. Exits 1 if any check \
        fails. Sends nothing.
        """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = Console.current
        let diagnostics = global.diagnostics
        let config = try global.loadConfig()
        var checks = DoctorReport(console: console)
        checks.pass("config", "\(global.configPath): \(config.steps.count) step(s), sender \(config.sender.email)")
        if let store = try StoreAccess.openIfPresent(config) {
            checks.run("store") { () throws(CLIFailure) -> String in
                do {
                    if let problems = try store.integrityProblems() { throw CLIFailure(.failed, "\(config.storePath) is damaged: \(problems)") }
                    return "\(config.storePath): schema \(try store.schemaVersion()), \(try store.prospectCount()) prospect(s), integrity ok"
                } catch let failure as CLIFailure {
                    throw failure
                } catch {
                    throw CLIFailure(.failed, "\(error)")
                }
            }
        }
        checks.run("templates") { () throws(CLIFailure) -> String in
            try TemplateCheck.renderAll(config: config, now: try global.clock(), console: console)
        }
        for warning in ComplianceCheck.placeholders(in: config) { checks.warn("setup", warning) }
        for warning in ComplianceCheck.pace(of: config) { checks.warn("pace", warning) }

        var tokenWarnings: [(String, String)] = []
        if let smtp = config.smtp {
            checks.run("smtp") { () throws(CLIFailure) -> String in
                let server = try ServerCredentials.withPassword(smtp.server, source: smtp.passwordSource, section: "smtp")
                do throws(MailTransportError) {
                    let sender = try SMTPSender(server: server, heloName: smtp.heloName, observer: TranscriptLogging.observer(diagnostics))
                    try sender.verify()
                } catch {
                    throw CLIFailure(.failed, error.description)
                }
                let token = TokenReport(server: server, needs: "SMTP.Send")
                tokenWarnings += token.warnings.map { ("smtp", $0) }
                return "\(smtp.server.url): connected, \(TLSWarnings.summary(server))\(server.username.map { ", logged in as \($0)" } ?? "")\(token.detail)"
            }
        } else {
            checks.fail("smtp", "no [smtp] section in \(global.configPath); `send` needs one")
        }

        if let imap = config.imap {
            checks.run("imap") { () throws(CLIFailure) -> String in
                let server = try ServerCredentials.withPassword(imap.server, source: imap.passwordSource, section: "imap")
                do throws(MailTransportError) {
                    let mailbox = try IMAPMailbox(server: server, mailbox: imap.mailbox, observer: TranscriptLogging.observer(diagnostics))
                    let status = try mailbox.status()
                    let token = TokenReport(server: server, needs: "IMAP.AccessAsUser.All")
                    tokenWarnings += token.warnings.map { ("imap", $0) }
                    var detail = "\(imap.server.url): connected, \(TLSWarnings.summary(server)), logged in as \(server.username ?? "-")\(token.detail), mailbox \(imap.mailbox) has \(status.messages) message(s)"
                    if let sent = imap.sentMailbox {
                        _ = try IMAPMailbox(server: server, mailbox: sent).status()
                        detail += ", \(sent) exists"
                    }
                    return detail
                } catch {
                    throw CLIFailure(.failed, error.description)
                }
            }
        } else {
            checks.fail("imap", "no [imap] section in \(global.configPath); `poll` needs one")
        }

        for (name, warning) in tokenWarnings { checks.warn(name, warning) }
        if checks.failures > 0 {
            throw CLIFailure(.failed, "\(checks.failures) of \(checks.total) checks failed")
        }
    }
}

/// Prints doctor's one line per check and counts failures.
struct DoctorReport {
    let console: Console
    private(set) var total = 0
    private(set) var failures = 0

    init(console: Console) {
        self.console = console
    }

    mutating func pass(_ name: String, _ detail: String) {
        total += 1
        console.out("\(console.good("ok  ")) \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(detail)")
    }

    /// A line that does not fail the run: something to fix before a real campaign.
    mutating func warn(_ name: String, _ detail: String) {
        console.out("\(console.warn("warn")) \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(detail)")
    }

    mutating func fail(_ name: String, _ detail: String) {
        total += 1
        failures += 1
        console.out("\(console.bad("FAIL")) \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(detail)")
    }

    mutating func run(_ name: String, _ check: () throws(CLIFailure) -> String) {
        do {
            pass(name, try check())
        } catch {
            fail(name, error.description)
        }
    }
}

/// What doctor says of an OAuth2 access token after a sign-in: its expiry and scopes when it is a
/// JWT (Microsoft's), or that it is opaque (Google's); a warning when it has expired by this
/// machine's clock, or lacks the Microsoft 365 scope the server needs.
struct TokenReport {
    /// Appended to the check's line ("" for a password).
    let detail: String
    /// Lines to warn with, if any.
    let warnings: [String]

    init(server: MailServer, needs scope: String, now: Date = Date()) {
        guard server.signIn != .password else {
            detail = ""
            warnings = []
            return
        }
        guard let claims = server.password?.accessTokenClaims else {
            detail = " with an OAuth2 token (\(server.signIn.rawValue.uppercased()); opaque: its expiry and scopes are known to the provider only)"
            warnings = []
            return
        }
        var parts: [String] = []
        if let expires = claims.expires { parts.append("valid until \(Self.format(expires))") }
        if !claims.scopes.isEmpty { parts.append("scopes " + claims.scopes.joined(separator: " ")) }
        detail = " with an OAuth2 token (\(server.signIn.rawValue.uppercased())" + (parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")) + ")"
        var warnings: [String] = []
        if let expires = claims.expires, expires <= now {
            warnings.append("token_command printed a token that expired at \(Self.format(expires)) by this machine's clock; check its refresh")
        }
        if claims.isMicrosoftMail, !claims.scopes.contains(where: { $0.caseInsensitiveCompare(scope) == .orderedSame }) {
            warnings.append("the token lacks the scope \(scope) that Microsoft 365 needs here; add it to the app registration's API permissions, grant consent, and sign in again")
        }
        self.warnings = warnings
    }

    private static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
