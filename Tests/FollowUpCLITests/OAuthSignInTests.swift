import Foundation
import MailTransport
import TestSupport
import Testing

/// Signing in with OAuth2 access tokens (XOAUTH2 and OAUTHBEARER) from `token_command`, against the
/// rig's Dovecot and Postfix, as the mailbox `oauth@example.test`, which has no password at all.
/// Tokens come from the rig's OAuth2 stand-in.
@Suite("OAuth2 sign-in with token_command", .enabled(if: MailRig.isUsable), .serialized)
struct OAuthSignInTests {
    func campaign(_ signIn: String, prospects: [String]) throws -> Campaign {
        let campaign = try Campaign(prospects: prospects, user: OAuthStandIn.user, signIn: signIn)
        try campaign.setToken(try OAuthStandIn.mint())
        return campaign
    }

    @Test("doctor, send, the witness, poll and a closed no, with OAuth2 only", arguments: ["xoauth2", "oauthbearer"])
    func wholeLoop(signIn: String) throws {
        let campaign = try campaign(signIn, prospects: ["no", "quiet"])
        let doctor = try campaign.run(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("logged in as \(OAuthStandIn.user)"))
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let sent = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(sent.status == 0 && sent.stdout.hasPrefix("2 sent"), "\(sent.stdout)\(sent.stderr)")
        try MailRig.deliver("From: <\(campaign.address("no"))>\r\nTo: <\(OAuthStandIn.user)>\r\nSubject: Re: hi\r\nDate: Tue, 01 Dec 2026 11:00:00 +0000\r\n"
                            + "Message-ID: <oauth-no-\(campaign.tag)@example.test>\r\n\r\nNo thanks, we are not interested.\r\n",
                            from: campaign.address("no"), to: OAuthStandIn.user)
        let token = try OAuthStandIn.mint()
        var inbox = MailRig.imap(user: OAuthStandIn.user)
        inbox.password = Secret(token)
        inbox.signIn = .xoauth2
        #expect(try IMAPMailbox(server: inbox, mailbox: "INBOX").awaitMessage(messageID: "<oauth-no-\(campaign.tag)@example.test>") != nil)
        let poll = try campaign.run(["poll", "--now", "2026-12-01T12:00:00Z"])
        #expect(poll.status == 0 && poll.stdout.contains("\(campaign.address("no")): closed"), "\(poll.stdout)\(poll.stderr)")
        // The follow-up checks the mailbox (the last-moment inbox check) and goes out to the quiet one only.
        let later = try campaign.run(["send", "--now", "2026-12-04T12:00:00Z"])
        #expect(later.stdout.hasPrefix("1 sent"), "\(later.stdout)\(later.stderr)")
    }

    @Test("doctor shows a JWT token's expiry and scopes, and warns when a Microsoft 365 scope is missing; an opaque token is said to be opaque")
    func doctorReadsToken() throws {
        let campaign = try campaign("xoauth2", prospects: ["a"])
        let opaque = try campaign.run(["doctor"])
        #expect(opaque.status == 0 && opaque.stdout.contains("opaque: its expiry and scopes are known to the provider only"), "\(opaque.stdout)")
        try campaign.setToken(try OAuthStandIn.mint(jwtScopes: "IMAP.AccessAsUser.All offline_access"))
        let doctor = try campaign.run(["doctor"])
        #expect(doctor.status == 0, "a missing scope the server did not need is a warning: \(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("logged in as \(OAuthStandIn.user) with an OAuth2 token (XOAUTH2; valid until "), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("scopes IMAP.AccessAsUser.All offline_access)"))
        #expect(doctor.stdout.contains("the token lacks the scope SMTP.Send that Microsoft 365 needs here"))
        #expect(!doctor.stdout.contains("lacks the scope IMAP.AccessAsUser.All"))
    }

    @Test("the mailbox has no password: password sign-in is refused for it")
    func passwordIsOff() throws {
        let sender = try SMTPSender(server: MailRig.smtp(port: MailRig.submissionPort, user: OAuthStandIn.user), heloName: "client.example.test")
        #expect(throws: MailTransportError.self) { try sender.verify() }
        #expect(throws: MailTransportError.self) { _ = try IMAPMailbox(server: MailRig.imap(user: OAuthStandIn.user), mailbox: "INBOX").status() }
    }

    @Test("a token refused mid-run is replaced once by a fresh one from token_command; nothing is lost or sent twice")
    func refreshedOnce() throws {
        let campaign = try campaign("xoauth2", prospects: ["a", "b"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        // Each section's token_command prints a revoked token the first time, the good one after that.
        let stale = try OAuthStandIn.mint()
        try OAuthStandIn.revoke(stale)
        for section in ["smtp", "imap"] {
            try "#!/bin/sh\nif [ -e \(section).used ]; then cat token; else touch \(section).used; echo \(stale); fi\n"
                .write(toFile: campaign.directory + "/\(section)-token.sh", atomically: true, encoding: .utf8)
        }
        let config = campaign.directory + "/followup.toml"
        var text = try String(contentsOfFile: config, encoding: .utf8)
        for section in ["smtp", "imap"] {
            let range = try #require(text.range(of: "token_command = \"cat token\""))
            text.replaceSubrange(range, with: "token_command = \"sh \(section)-token.sh\"")
        }
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let sent = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(sent.status == 0 && sent.stdout.hasPrefix("2 sent"), "\(sent.stdout)\(sent.stderr)")
        #expect(FileManager.default.fileExists(atPath: campaign.directory + "/smtp.used"), "the stale token was tried first")
        #expect(sent.stderr.contains("signing in again with a fresh token"), "\(sent.stderr)")
        // The poll meets the stale token first too.
        try FileManager.default.removeItem(atPath: campaign.directory + "/imap.used")
        let poll = try campaign.run(["poll", "--now", "2026-12-01T10:00:00Z"])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stderr.contains("signing in again with a fresh token"), "\(poll.stderr)")
        let again = try campaign.run(["send", "--now", "2026-12-01T09:30:00Z"])
        #expect(again.stdout.hasPrefix("0 sent"), "nothing twice: \(again.stdout)")
        var delivered: [[UInt8]] = []
        Eventually.wait {
            delivered = campaign.delivered(to: "a") + campaign.delivered(to: "b")
            return delivered.count >= 2
        }
        #expect(delivered.count == 2)
    }

    @Test("a token refused again after the retry: exit 1 and one sentence saying what to check")
    func refusedTwice() throws {
        let campaign = try campaign("oauthbearer", prospects: ["a"])
        let token = try OAuthStandIn.mint()
        try OAuthStandIn.revoke(token)
        try campaign.setToken(token)
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let sent = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(sent.status == 1)
        #expect(sent.stderr.contains("refused the OAuth2 access token for \(OAuthStandIn.user) (OAUTHBEARER)"), "\(sent.stderr)")
        #expect(sent.stderr.contains("it may have expired or been revoked, lack the mail scope"), "\(sent.stderr)")
        let poll = try campaign.run(["poll", "--now", "2026-12-01T10:00:00Z"])
        #expect(poll.status == 1 && poll.stderr.contains("refused the OAuth2 access token"), "\(poll.stderr)")
    }

    @Test("token_command that fails or prints nothing: exit 1 naming it", arguments: [("exit 3", "exited with status 3"), ("true", "printed nothing")])
    func brokenTokenCommand(command: String, said: String) throws {
        let campaign = try campaign("xoauth2", prospects: ["a"])
        let config = campaign.directory + "/followup.toml"
        try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "token_command = \"cat token\"", with: "token_command = \"\(command)\"")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let doctor = try campaign.run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("smtp.token_command \(said)") || doctor.stderr.contains("smtp.token_command \(said)"), "\(doctor.stdout)\(doctor.stderr)")
    }

    @Test("a verbose send and poll never show the access token in any form")
    func tokenNeverShown() throws {
        let campaign = try campaign("xoauth2", prospects: ["s"])
        let token = try String(contentsOfFile: campaign.directory + "/token", encoding: .utf8)
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let send = try campaign.run(["send", "--verbose", "--now", "2026-12-01T09:00:00Z"])
        let poll = try campaign.run(["poll", "--verbose", "--now", "2026-12-01T10:00:00Z"])
        let doctor = try campaign.run(["doctor", "--verbose"])
        let everything = send.stdout + send.stderr + poll.stdout + poll.stderr + doctor.stdout + doctor.stderr
        #expect(everything.contains("XOAUTH2"), "the transcript is shown")
        let forms = [token, Data(token.utf8).base64EncodedString(),
                     Data("user=\(OAuthStandIn.user)\u{1}auth=Bearer \(token)\u{1}\u{1}".utf8).base64EncodedString(), String(token.suffix(12))]
        for form in forms { #expect(!everything.contains(form), "found a form of the token") }
    }

    @Test("auth without token_command, or with a password key, is an invalid config naming the key")
    func invalidConfig() throws {
        let campaign = try campaign("xoauth2", prospects: ["a"])
        let config = campaign.directory + "/followup.toml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "token_command = \"cat token\"", with: "password_env = \"X\"").write(toFile: config, atomically: true, encoding: .utf8)
        let result = try campaign.run(["doctor"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("smtp.password_env: auth = \"xoauth2\" signs in with an access token (token_command or [oauth]), not a password"), "\(result.stderr)")
        #expect(result.stderr.contains("smtp.auth: auth = \"xoauth2\" needs token_command"))
    }
}
