public import Foundation
import MailTransport

/// A followup working directory wired to the loopback rig, for end-to-end tests of the binary.
public struct Campaign: Sendable {
    /// The directory holding followup.toml, Templates/, the CSV and the store.
    public let directory: String
    /// A tag unique to this campaign, used in plus-addresses so tests never see each other's mail.
    public let tag: String

    /// Creates a campaign with the default templates and a config for the rig.
    ///
    /// - Parameters:
    ///   - prospects: the local tags of the prospects (`a` becomes `prospect+<tag>-a@example.test`).
    ///   - extraSMTP: extra lines for the [smtp] table.
    ///   - smtpURL: the SMTP URL (the submission port by default).
    ///   - imapUser: the IMAP account whose INBOX is polled (the sender's by default).
    ///   - extraIMAP: extra lines for the [imap] table.
    ///   - unsubscribeMailto: `sender.unsubscribe_mailto` (a plus-address of the sender's by default).
    ///   - user: the sender's address and the login of both servers.
    ///   - signIn: `xoauth2` or `oauthbearer` to sign in with the token that `token_command` prints
    ///     (the file `token` in the campaign, see `setToken`); nil for the rig's password.
    public init(prospects: [String], steps: [(String, Int)] = [("01-opening.txt", 0), ("02-follow-up.txt", 3), ("03-useful-point.txt", 4)],
                smtpURL: String = "smtp://127.0.0.1:\(MailRig.submissionPort)", smtpStartTLS: String = "required",
                extraSMTP: String = "", withIMAP: Bool = true, imapURL: String = "imaps://127.0.0.1:\(MailRig.imapsPort)", imapUser: String = MailRig.sales, extraIMAP: String = "",
                window: String = "00:00-24:00", minGap: Int = 0, unsubscribeMailto: String = "sales+unsubscribe@example.test",
                user: String = MailRig.sales, signIn: String? = nil) throws {
        tag = String(UUID().uuidString.prefix(8)).lowercased()
        directory = try FollowUpBinary.temporaryDirectory("campaign")
        _ = try FollowUpBinary.run(["init", directory])
        let credentials = signIn.map { "auth = \"\($0)\"\ntoken_command = \"cat token\"" } ?? "password_env = \"FOLLOWUP_TEST_PASSWORD\""
        let imap = withIMAP ? """
            [imap]
            url = "\(imapURL)"
            username = "\(signIn == nil ? imapUser : user)"
            \(credentials)
            ca_file = "\(MailRig.caFile)"
            starttls = "\(imapURL.hasPrefix("imap://") ? "never" : "required")"
            \(extraIMAP)
            """ : ""
        let stepTables = steps.map { "[[steps]]\ntemplate = \"Templates/\($0.0)\"\ndelay_days = \($0.1)\n" }.joined(separator: "\n")
        let config = """
            [sender]
            name = "Sam Sales"
            email = "\(user)"
            postal_address = "1 Test Street, Testville"
            unsubscribe_mailto = "\(unsubscribeMailto)"

            [smtp]
            url = "\(smtpURL)"
            username = "\(user)"
            \(credentials)
            ca_file = "\(MailRig.caFile)"
            starttls = "\(smtpStartTLS)"
            witness_wait_seconds = 20
            connect_timeout_seconds = 5
            timeout_seconds = 20
            \(extraSMTP)

            \(imap)

            [schedule]
            timezone = "UTC"
            window = "\(window)"
            weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            daily_cap = 100000
            min_gap_seconds = \(minGap)
            jitter_seconds = 0

            [sequence]
            after_last_step = "stop"

            \(stepTables)
            """
        try config.write(toFile: directory + "/followup.toml", atomically: true, encoding: .utf8)
        var csv = "email,first_name,company\n"
        for name in prospects { csv += "\(address(name)),\(name.capitalized),\(name.capitalized) Ltd\n" }
        try csv.write(toFile: directory + "/prospects.csv", atomically: true, encoding: .utf8)
    }

    /// Writes the access token that `token_command` (`cat token`) prints from now on.
    public func setToken(_ token: String) throws {
        try token.write(toFile: directory + "/token", atomically: true, encoding: .utf8)
    }

    /// The plus-address of prospect `name` in this campaign.
    public func address(_ name: String) -> String {
        "prospect+\(tag)-\(name)@example.test"
    }

    /// Runs `followup ARGS` in the campaign with the rig's password in the environment.
    @discardableResult
    public func run(_ arguments: [String]) throws -> FollowUpBinary.Result {
        try FollowUpBinary.run(arguments, in: directory, environment: ["FOLLOWUP_TEST_PASSWORD": MailRig.password])
    }

    /// Starts `followup ARGS` without waiting for it (for kill tests).
    public func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FollowUpBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = FollowUpBinary.childEnvironment(adding: ["FOLLOWUP_TEST_PASSWORD": MailRig.password])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every message the rig delivered to this campaign's prospect `name`, as raw bytes, read from
    /// the prospect user's Maildir (what the server delivered, not what the store says).
    public func delivered(to name: String) -> [[UInt8]] {
        MailRig.maildir(user: "prospect").filter { message in
            Self.headerBlock(message).contains("\nTo: ") && Self.headerBlock(message).contains(address(name))
        }
    }

    /// The header block of a raw message, lowercased only where needed for matching.
    public static func headerBlock(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") ?? text.range(of: "\n\n") else { return text }
        return String(text[..<end.lowerBound])
    }
}

extension MailRig {
    /// Every message in `user`'s Maildir (new and cur), as raw bytes.
    public static func maildir(user: String) -> [[UInt8]] {
        let base = root + "/mail/example.test/\(user)/Maildir"
        var messages: [[UInt8]] = []
        // Dovecot moves a file from new/ to cur/ (adding ":2,…" to its name) whenever a session
        // syncs the mailbox, possibly between the two listings below: one file, counted once.
        var seen = Set<Substring>()
        for folder in ["new", "cur"] {
            let path = base + "/" + folder
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let unique = name.prefix { $0 != ":" }
                guard !seen.contains(unique), let data = FileManager.default.contents(atPath: path + "/" + name) else { continue }
                seen.insert(unique)
                messages.append([UInt8](data))
            }
        }
        return messages
    }

    /// Removes every message from `user`'s INBOX by deleting its Maildir files (Dovecot notices on
    /// its next look); for tests that need a mailbox holding only their own messages.
    public static func emptyInbox(user: String) {
        let base = root + "/mail/example.test/\(user)/Maildir"
        for folder in ["new", "cur"] {
            let path = base + "/" + folder
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                try? FileManager.default.removeItem(atPath: path + "/" + name)
            }
        }
    }

    /// Delivers `message` into `user`'s mailbox through Postfix (port 2525, loopback needs no login).
    public static func deliver(_ message: String, from sender: String, to recipient: String) throws {
        let smtpSender = try SMTPSender(server: smtp(port: smtpPlainPort, user: nil, startTLS: .opportunistic), heloName: "client.example.test")
        let result = smtpSender.send(envelopeFrom: sender, recipients: [recipient], message: Array(message.utf8))
        guard case .accepted = result else { throw RigError(description: "delivery refused: \(result)") }
    }
}

/// A failure of the rig itself.
public struct RigError: Error, CustomStringConvertible {
    public let description: String
}
