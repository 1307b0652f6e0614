import Foundation
import TestSupport
import Testing

/// `followup doctor` run as a user would, against the loopback servers.
@Suite("followup doctor", .enabled(if: MailRig.isUsable), .serialized)
struct DoctorCommandTests {
    let password = MailRig.password

    func config(smtpURL: String = "smtp://127.0.0.1:\(MailRig.submissionPort)", imapURL: String = "imaps://127.0.0.1:\(MailRig.imapsPort)",
                caFile: String = MailRig.caFile, mailbox: String = "INBOX") -> String {
        """
        [sender]
        name = "Kira Moore"
        email = "sales@example.test"
        postal_address = "1 Main Street, Springfield"

        [smtp]
        url = "\(smtpURL)"
        username = "sales@example.test"
        password_env = "FOLLOWUP_SMTP_PASSWORD"
        ca_file = "\(caFile)"
        connect_timeout_seconds = 10

        [imap]
        url = "\(imapURL)"
        username = "sales@example.test"
        password_env = "FOLLOWUP_IMAP_PASSWORD"
        ca_file = "\(caFile)"
        mailbox = "\(mailbox)"
        connect_timeout_seconds = 10

        [[steps]]
        template = "Templates/01-opening.txt"
        """
    }

    func doctor(_ text: String, smtpPassword: String? = nil, imapPassword: String? = nil, verbose: Bool = false) throws -> FollowUpBinary.Result {
        let directory = try FollowUpBinary.temporaryDirectory("doctor")
        _ = try FollowUpBinary.run(["init", directory])
        let path = directory + "/followup.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try FollowUpBinary.run(["doctor", "--config", path] + (verbose ? ["--verbose"] : []),
                                      environment: ["FOLLOWUP_SMTP_PASSWORD": smtpPassword ?? password,
                                                    "FOLLOWUP_IMAP_PASSWORD": imapPassword ?? password])
    }

    @Test("passes against the rig with TLS verified by the CA file")
    func passes() throws {
        let result = try doctor(config())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("ok  ") })
        #expect(lines[1].hasPrefix("ok   templates"))
        #expect(lines[2].contains("STARTTLS verified against \(MailRig.caFile)"))
        #expect(lines[3].contains("TLS verified") && lines[3].contains("mailbox INBOX has"))
    }

    @Test("a wrong password fails with one clear line and never shows the password, even with --verbose")
    func wrongPassword() throws {
        let wrong = "Wr0ng-Passw0rd-For-Doctor"
        let result = try doctor(config(), smtpPassword: wrong, imapPassword: wrong, verbose: true)
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL smtp      authentication failed for sales@example.test at 127.0.0.1"))
        #expect(result.stdout.contains("FAIL imap      authentication failed for sales@example.test at 127.0.0.1"))
        let everything = result.stdout + result.stderr
        #expect(everything.contains("AUTH"), "the verbose transcript is shown")
        for form in [wrong, Data(wrong.utf8).base64EncodedString(), Data("\0sales@example.test\0\(wrong)".utf8).base64EncodedString()] {
            #expect(!everything.contains(form))
        }
    }

    @Test("the right password never appears in a verbose run either")
    func rightPasswordHidden() throws {
        let result = try doctor(config(), verbose: true)
        #expect(result.status == 0)
        let everything = result.stdout + result.stderr
        #expect(!everything.contains(Data("\0sales@example.test\0\(password)".utf8).base64EncodedString()))
    }

    @Test("an untrusted certificate, a refused connection and an unknown mailbox each fail with one line")
    func failures() throws {
        let untrusted = try doctor(config(caFile: MailRig.otherCAFile))
        #expect(untrusted.status == 1)
        #expect(untrusted.stdout.contains("FAIL smtp      cannot verify the TLS certificate of 127.0.0.1"))
        #expect(untrusted.stdout.contains("FAIL imap      cannot verify the TLS certificate of 127.0.0.1"))

        let port = Loopback.closedPort()
        let refused = try doctor(config(smtpURL: "smtp://127.0.0.1:\(port)", imapURL: "imap://127.0.0.1:\(port)"))
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("FAIL smtp      cannot connect to 127.0.0.1"))
        #expect(refused.stdout.contains("FAIL imap      cannot connect to 127.0.0.1"))

        let missing = try doctor(config(mailbox: "Does Not Exist"))
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("ok   smtp     "))
        #expect(missing.stdout.contains("FAIL imap      mailbox \"Does Not Exist\" does not exist at 127.0.0.1"))
    }

    @Test("every template is rendered for every prospect, and each problem is listed")
    func templatesRendered() throws {
        let directory = try FollowUpBinary.temporaryDirectory("doctor-templates")
        _ = try FollowUpBinary.run(["init", directory])
        try "email,first_name,company\nana@example.com,Ana,\n".write(toFile: directory + "/p.csv", atomically: true, encoding: .utf8)
        #expect(try FollowUpBinary.run(["import", "p.csv"], in: directory).status == 0)
        let result = try FollowUpBinary.run(["doctor"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL templates"))
        #expect(result.stderr.contains("field `company` is empty for ana@example.com"))
    }

    @Test("an invalid config exits 2 and lists every problem")
    func invalidConfig() throws {
        let result = try doctor(config().replacingOccurrences(of: "connect_timeout_seconds = 10", with: "connect_timeout_seconds = \"soon\""))
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("connect_timeout_seconds: expected an integer") })
    }
}
