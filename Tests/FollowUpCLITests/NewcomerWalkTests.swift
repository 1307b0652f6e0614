import Foundation
import MailTransport
import TestSupport
import Testing

/// A newcomer's first campaign, end to end against the rig, as the README tells it: init, edit,
/// import, preview, doctor, send, a reply, poll, triage, status. Each step must say what is true
/// and nothing misleading.
@Suite("A newcomer's walk from init to a closed no", .enabled(if: MailRig.isUsable), .serialized)
struct NewcomerWalkTests {
    /// Words that never belong in what a user reads.
    static let misleading = ["unknown key", "prospect=#", "Error Domain", "(null)", "until in ", "Copy to followup.toml", "seed article",
                             "valid row(s)", "NSCocoaErrorDomain", "\u{1B}["]

    @Test("init, edit, import, preview, doctor, send, reply, poll, triage and status tell the truth at every step")
    func walk() throws {
        let directory = try FollowUpBinary.temporaryDirectory("walk")
        var transcript = ""
        func followup(_ arguments: [String], _ now: String = "2026-12-01T09:00:00Z") throws -> FollowUpBinary.Result {
            let result = try FollowUpBinary.run(arguments + ["--now", now], in: directory, environment: ["FOLLOWUP_SMTP_PASSWORD": MailRig.password,
                                                                                                          "FOLLOWUP_IMAP_PASSWORD": MailRig.password])
            transcript += "$ followup \(arguments.joined(separator: " "))\n\(result.stdout)\(result.stderr)"
            return result
        }
        let initialised = try FollowUpBinary.run(["init", directory])
        #expect(initialised.status == 0)
        transcript += initialised.stdout + initialised.stderr
        #expect((initialised.stdout + initialised.stderr).contains("followup import prospects.csv"), "init says what to do next")

        // Edit: the newcomer's own identity, the rig's servers, a window that is always open.
        let tag = String(UUID().uuidString.prefix(8)).lowercased()
        func address(_ name: String) -> String { "prospect+\(tag)-\(name)@example.test" }
        var config = try String(contentsOfFile: directory + "/followup.toml", encoding: .utf8)
        let edits = [("name = \"Kira Moore\"", "name = \"Sam Sales\""), ("email = \"kira@example.com\"", "email = \"\(MailRig.sales)\""),
                     ("postal_address = \"1 Main Street, Springfield\"", "postal_address = \"7 Harbour Road, Portsmouth\""),
                     ("unsubscribe_mailto = \"kira+unsubscribe@example.com\"", "unsubscribe_mailto = \"sales+unsubscribe@example.test\""),
                     ("url = \"smtp://mail.example.com:587\"", "url = \"smtp://127.0.0.1:\(MailRig.submissionPort)\"\nca_file = \"\(MailRig.caFile)\""),
                     ("url = \"imaps://mail.example.com:993\"", "url = \"imaps://127.0.0.1:\(MailRig.imapsPort)\"\nca_file = \"\(MailRig.caFile)\""),
                     ("username = \"kira@example.com\"", "username = \"\(MailRig.sales)\""),
                     ("window = \"09:00-17:00\"", "window = \"00:00-24:00\""), ("timezone = \"America/New_York\"", "timezone = \"UTC\"")]
        for (old, new) in edits {
            #expect(config.contains(old), "the example config has \(old)")
            config = config.replacingOccurrences(of: old, with: new)
        }
        try config.write(toFile: directory + "/followup.toml", atomically: true, encoding: .utf8)
        try "email,first_name,company\n\(address("ana")),Ana,Acme\n\(address("ben")),Ben,Bolt\n"
            .write(toFile: directory + "/prospects.csv", atomically: true, encoding: .utf8)

        let imported = try followup(["import", "prospects.csv"])
        #expect(imported.status == 0 && imported.stdout.contains("2 added"), "\(imported.stdout)\(imported.stderr)")
        let preview = try followup(["preview"], "2026-12-01T09:00:00Z")
        #expect(preview.status == 0 && preview.stdout.contains("2 message(s) would be sent; nothing was sent."), "\(preview.stderr)")
        #expect(preview.stdout.contains("7 Harbour Road, Portsmouth") && preview.stdout.contains("To stop these emails"))
        let doctor = try followup(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(!doctor.stdout.contains("FAIL"))
        let setupWarnings = doctor.stdout.split(separator: "\n").filter { $0.hasPrefix("warn setup") }
        #expect(setupWarnings.allSatisfy { $0.contains("Templates/") }, "only the untouched templates are left to make her own: \(setupWarnings)")

        let sent = try followup(["send"])
        #expect(sent.status == 0 && sent.stdout.hasPrefix("2 sent"), "\(sent.stdout)\(sent.stderr)")
        try MailRig.deliver("From: Ana <\(address("ana"))>\r\nTo: <\(MailRig.sales)>\r\nSubject: Re: Ana, a quick question about Acme\r\n"
                            + "Date: Tue, 01 Dec 2026 11:00:00 +0000\r\nMessage-ID: <walk-\(tag)@example.test>\r\n\r\n"
                            + "Not interested, thanks.\r\n\r\nOn Tue, 1 Dec 2026, Sam Sales wrote:\r\n> Hi Ana,\r\n> To stop these emails, reply \"unsubscribe\".\r\n",
                            from: address("ana"), to: MailRig.sales)
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        #expect(try inbox.awaitMessage(messageID: "<walk-\(tag)@example.test>") != nil)

        let poll = try followup(["poll"], "2026-12-01T12:00:00Z")
        #expect(poll.status == 0 && poll.stdout.contains("\(address("ana")): closed: the prospect said no"), "\(poll.stdout)\(poll.stderr)")
        let triage = try followup(["triage", "list", "--all"], "2026-12-01T12:00:00Z")
        #expect(triage.stdout.contains(address("ana")) && triage.stdout.contains("closed_no"))
        let id = try #require(triage.stdout.split(separator: "\n").first { $0.contains(address("ana")) }?.split(separator: "\t").first?.dropFirst())
        let show = try followup(["triage", "show", String(id)], "2026-12-01T12:00:00Z")
        #expect(show.stdout.contains("│ Not interested, thanks."), "\(show.stdout)")
        #expect(show.stdout.contains("next      nothing more will be sent to \(address("ana")) (closed_no)"), "\(show.stdout)")
        let status = try followup(["status"], "2026-12-01T12:00:00Z")
        #expect(status.stdout.contains("2 in all: 1 active, 1 closed_no"), "\(status.stdout)")

        // Ben, who has not answered, gets step 2 on the day it is due; Ana never again.
        let later = try followup(["send"], "2026-12-04T12:00:00Z")
        #expect(later.stdout.hasPrefix("1 sent"), "\(later.stdout)\(later.stderr)")
        for word in Self.misleading { #expect(!transcript.contains(word), "\"\(word)\" in:\n\(transcript)") }
    }
}
