import Foundation
import MailTransport
import TestSupport
import Testing

/// `followup auth login` by the device authorization grant (RFC 8628) against the rig's OAuth2
/// stand-in, then the whole loop on the saved sign-in, refreshed as it expires, as the mailbox
/// `oauth@example.test`, which has no password at all.
@Suite("followup auth: the device and browser sign-ins, kept fresh", .enabled(if: MailRig.isUsable), .serialized)
struct OAuthLoginTests {
    func campaign(prospects: [String]) throws -> Campaign {
        try Campaign.signingInWithOAuth(prospects: prospects)
    }

    func tokenFile(_ campaign: Campaign) -> String { campaign.oauthTokenFile }

    func login(_ campaign: Campaign, deny: Bool = false) throws -> (status: Int32, output: String) {
        try campaign.authLogin(deny: deny)
    }

    /// True when `text` holds none of the stand-in's tokens.
    func holdsNoToken(_ text: String) -> Bool {
        !text.contains("standin-") && !text.contains("rt-") && !text.contains("dc-")
    }

    @Test("login, then status, doctor, send, poll and a closed no on the saved sign-in; logout forgets it")
    func wholeLoop() throws {
        let campaign = try campaign(prospects: ["no"])
        let before = try campaign.run(["auth", "status"])
        #expect(before.status == 1 && before.stdout.contains("not signed in"), "\(before.stdout)\(before.stderr)")
        let notYet = try campaign.run(["doctor"])
        #expect(notYet.status != 0 && (notYet.stdout + notYet.stderr).contains("run `followup auth login` once"), "\(notYet.stdout)\(notYet.stderr)")

        let signedIn = try login(campaign)
        #expect(signedIn.status == 0, "\(signedIn.output)")
        #expect(signedIn.output.contains("signed in: scopes offline_access mail"), "\(signedIn.output)")
        #expect(holdsNoToken(signedIn.output), "no token is printed: \(signedIn.output)")
        let mode = try FileManager.default.attributesOfItem(atPath: tokenFile(campaign))[.posixPermissions] as? Int
        #expect(mode == 0o600, "the tokens are readable by their owner only")

        let status = try campaign.run(["auth", "status", "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(object["signed_in"] as? Bool == true && object["refreshable"] as? Bool == true)
        #expect(object["account"] as? String == OAuthStandIn.user)
        #expect(object["scopes"] as? [String] == ["offline_access", "mail"])

        let doctor = try campaign.run(["doctor"])
        #expect(doctor.status == 0 && doctor.stdout.contains("logged in as \(OAuthStandIn.user)"), "\(doctor.stdout)\(doctor.stderr)")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let sent = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(sent.status == 0 && sent.stdout.hasPrefix("1 sent"), "\(sent.stdout)\(sent.stderr)")
        try MailRig.deliver("From: <\(campaign.address("no"))>\r\nTo: <\(OAuthStandIn.user)>\r\nSubject: Re: hi\r\nDate: Tue, 01 Dec 2026 11:00:00 +0000\r\n"
                            + "Message-ID: <login-no-\(campaign.tag)@example.test>\r\n\r\nNo thanks, we are not interested.\r\n",
                            from: campaign.address("no"), to: OAuthStandIn.user)
        // The server stops accepting the saved access token before it expires: the poll refreshes it and goes on.
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tokenFile(campaign)))) as? [String: Any])
        try OAuthStandIn.revoke(try #require(saved["access_token"] as? String))
        let closed = Eventually.wait(upTo: 30) {
            let poll = try? campaign.run(["poll", "--now", "2026-12-01T12:00:00Z"])
            return poll?.stdout.contains("\(campaign.address("no")): closed") == true
        }
        #expect(closed, "the no was read through the saved sign-in")

        let out = try campaign.run(["auth", "logout"])
        #expect(out.status == 0 && !FileManager.default.fileExists(atPath: tokenFile(campaign)), "\(out.stdout)\(out.stderr)")
        let after = try campaign.run(["send", "--now", "2026-12-04T09:00:00Z"])
        #expect(after.status == 1 && after.stderr.contains("run `followup auth login` once"), "\(after.stdout)\(after.stderr)")
    }

    @Test("an access token near expiry is refreshed before use (the refresh token rotates); a revoked sign-in fails with one sentence")
    func refreshAndRevocation() throws {
        try OAuthStandIn.setTokenLifetime(60)  // inside the five minutes in which followup refreshes
        defer { try? OAuthStandIn.setTokenLifetime(3600) }
        let campaign = try campaign(prospects: ["a"])
        #expect(try login(campaign).status == 0)
        let first = try String(contentsOfFile: tokenFile(campaign), encoding: .utf8)
        let doctor = try campaign.run(["doctor"])
        #expect(doctor.status == 0, "a refreshed token signs in: \(doctor.stdout)\(doctor.stderr)")
        let second = try String(contentsOfFile: tokenFile(campaign), encoding: .utf8)
        #expect(first != second, "the fresh tokens were saved")

        try OAuthStandIn.revokeRefreshTokens()
        let refused = try campaign.run(["poll"])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        let lines = refused.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning") }
        #expect(lines.count == 1 && refused.stderr.contains("run `followup auth login` again"), "one sentence: \(refused.stderr)")
        #expect(holdsNoToken(refused.stdout + refused.stderr))
    }

    @Test("the browser sign-in (PKCE, loopback redirect): login, then doctor and send on the saved sign-in")
    func browser() throws {
        let campaign = try Campaign.signingInWithOAuth(prospects: ["a"], browser: true)
        let result = try campaign.authLoginInBrowser()
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("signed in: scopes offline_access mail"), "\(result.output)")
        #expect(result.output.contains("Signed in. You can close this tab"), "the browser is told it may close: \(result.output)")
        #expect(holdsNoToken(result.output))
        let doctor = try campaign.run(["doctor"])
        #expect(doctor.status == 0 && doctor.stdout.contains("logged in as \(OAuthStandIn.user)"), "\(doctor.stdout)\(doctor.stderr)")
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let sent = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(sent.status == 0 && sent.stdout.hasPrefix("1 sent"), "\(sent.stdout)\(sent.stderr)")
    }

    @Test("the browser sign-in refuses a redirect it did not start, and a declined one saves nothing")
    func browserRefusals() throws {
        let campaign = try Campaign.signingInWithOAuth(prospects: ["a"], browser: true)
        let forged = try campaign.authLoginInBrowser(wrongState: true)
        #expect(forged.status == -1 && forged.output.contains("400 Bad Request"), "a redirect with another state is turned away: \(forged.output)")
        #expect(!FileManager.default.fileExists(atPath: campaign.oauthTokenFile))
        let declined = try campaign.authLoginInBrowser(deny: true)
        #expect(declined.status == 1 && declined.output.contains("declined"), "\(declined.output)")
        #expect(!FileManager.default.fileExists(atPath: campaign.oauthTokenFile))
    }

    @Test("a declined sign-in saves nothing and says so")
    func declined() throws {
        let campaign = try campaign(prospects: ["a"])
        let result = try login(campaign, deny: true)
        #expect(result.status == 1 && result.output.contains("declined"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: tokenFile(campaign)))
    }
}
