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
        let lines = result.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("warn") }
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

    @Test("an unedited `followup init` campaign gets a warning for each placeholder, and the checks still pass")
    func placeholdersWarned() throws {
        let directory = try FollowUpBinary.temporaryDirectory("doctor-init")
        _ = try FollowUpBinary.run(["init", directory])
        #expect(try FollowUpBinary.run(["import", "prospects.csv"], in: directory).status == 0)
        let result = try FollowUpBinary.run(["doctor"], in: directory)
        let warnings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("warn") }.joined(separator: "\n")
        for key in ["sender.name", "sender.email", "sender.postal_address", "sender.unsubscribe_mailto", "smtp.url", "imap.url"] {
            #expect(warnings.contains("\(key) is still the example from `followup init`"), "\(key): \(warnings)")
        }
        #expect(warnings.contains("\"kira@example.com\" is in example.com, a domain reserved for examples"))
        for template in ["01-opening", "02-follow-up", "03-useful-point", "05-permission-to-close"] {
            #expect(warnings.contains("Templates/\(template).txt is still the example text from `followup init`; make it yours\n")
                    || warnings.hasSuffix("Templates/\(template).txt is still the example text from `followup init`; make it yours"), "\(template)")
        }
        #expect(warnings.contains("Templates/04-short-case.txt is still the example text from `followup init`; make it yours (its story is made up)"))
        #expect(result.stdout.contains("ok   templates"), "placeholders warn; they do not fail: \(result.stdout)")
    }

    @Test("a step that does not print the postal address or the opt-out line fails, with or without prospects")
    func requiredLinesChecked() throws {
        let directory = try FollowUpBinary.temporaryDirectory("doctor-compliance")
        _ = try FollowUpBinary.run(["init", directory])
        let path = directory + "/Templates/03-useful-point.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "{{sender.postal_address}}", with: "").replacingOccurrences(of: "{{unsubscribe_line}}", with: "")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let before = try FollowUpBinary.run(["doctor"], in: directory)
        #expect(before.status == 1)
        #expect(before.stdout.contains("FAIL templates"))
        #expect(before.stderr.contains("Templates/03-useful-point.txt: step 3 does not print the postal address"), "\(before.stderr)")
        #expect(before.stderr.contains("Templates/03-useful-point.txt: step 3 has no opt-out line"))
        #expect(!before.stderr.contains("step 1 "), "the other steps are fine")
        #expect(try FollowUpBinary.run(["import", "prospects.csv"], in: directory).status == 0)
        let after = try FollowUpBinary.run(["doctor"], in: directory)
        #expect(after.stderr.contains("step 3 does not print the postal address") && after.stderr.contains("step 3 has no opt-out line"), "\(after.stderr)")
        // An opt-out sentence of the user's own is accepted.
        try (text.replacingOccurrences(of: "{{unsubscribe_line}}", with: "Reply \"stop\" and I will not write again; or unsubscribe by replying.")
            .write(toFile: path, atomically: true, encoding: .utf8))
        let own = try FollowUpBinary.run(["doctor"], in: directory)
        #expect(!own.stderr.contains("opt-out"), "\(own.stderr)")
    }

    @Test("a daily cap or gap far from what providers tolerate is a warning")
    func paceWarned() throws {
        let result = try doctor(config() + "\n[schedule]\ntimezone = \"UTC\"\ndaily_cap = 5000\nmin_gap_seconds = 2\n")
        #expect(result.stdout.contains("warn pace      schedule.daily_cap = 5000"), "\(result.stdout)")
        #expect(result.stdout.contains("warn pace      schedule.min_gap_seconds = 2"))
        #expect(result.status == 0, "\(result.stderr)")
    }
}
