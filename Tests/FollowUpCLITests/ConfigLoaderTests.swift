@testable import FollowUpCLI
import Testing

@Suite("Loading the config file")
struct ConfigLoaderTests {
    let minimal = """
    [sender]
    name = "Kira Moore"
    email = "kira@example.com"
    postal_address = "1 Main Street, Springfield"

    [[steps]]
    template = "Templates/01-opening.txt"
    """

    @Test("a minimal config gets the documented defaults")
    func defaults() throws {
        let config = try ConfigLoader.parse(minimal, path: "/srv/followup/followup.toml")
        #expect(config.storePath == "/srv/followup/followup.sqlite")
        #expect(config.steps.map(\.template) == ["/srv/followup/Templates/01-opening.txt"])
        #expect(config.steps.map(\.templateAsWritten) == ["Templates/01-opening.txt"])
        #expect(config.steps.map(\.delayDays) == [0])
        #expect(config.steps.first?.key == "steps[0].template" && (config.steps.first?.line ?? 0) > 0)
        #expect(config.schedule.windowStart == 9 * 60 && config.schedule.windowEnd == 17 * 60)
        #expect(config.schedule.weekdays == [1, 2, 3, 4, 5])
        #expect(config.afterLastStep == .repeatLast(everyDays: 14, maxAttempts: 12))
        #expect(config.smtp == nil && config.imap == nil)
    }

    @Test("[oauth]: Microsoft's endpoints and scopes from the tenant, tokens beside the store, and XOAUTH2 servers sign in with it")
    func oauthSection() throws {
        let text = minimal + """

        [imap]
        url = "imaps://outlook.office365.com:993"
        username = "kira@example.com"
        auth = "xoauth2"

        [oauth]
        client_id = "app-1"
        tenant = "example.com"
        """
        let config = try ConfigLoader.parse(text, path: "/srv/followup/followup.toml")
        let oauth = try #require(config.oauth)
        #expect(oauth.providerName == "microsoft")
        #expect(oauth.provider.tokenURL == "https://login.microsoftonline.com/example.com/oauth2/v2.0/token")
        #expect(oauth.provider.deviceAuthorizationURL.hasSuffix("/example.com/oauth2/v2.0/devicecode"))
        #expect(oauth.provider.scopes.contains("offline_access") && oauth.provider.scopes.contains("https://outlook.office.com/IMAP.AccessAsUser.All"))
        #expect(oauth.tokenFile == "/srv/followup/followup.sqlite.oauth.json")
        #expect(config.imap?.passwordSource == .signedIn(oauth))
    }

    @Test("[oauth] for Google signs in through the browser, with the mail scope and a client secret from the environment")
    func googleSection() throws {
        let config = try ConfigLoader.parse(minimal + "\n[oauth]\nprovider = \"google\"\nclient_id = \"g-1\"\nclient_secret_env = \"G_SECRET\"\n",
                                            path: "/srv/followup/followup.toml")
        let oauth = try #require(config.oauth)
        #expect(oauth.flow == .browser)
        #expect(oauth.provider.authorizationURL == "https://accounts.google.com/o/oauth2/v2/auth")
        #expect(oauth.provider.scopes == ["https://mail.google.com/"])
        #expect(oauth.clientSecretEnv == "G_SECRET")
    }

    @Test("[oauth] mistakes are named: Google's device sign-in, a custom provider without endpoints, XOAUTH2 with no token source",
          arguments: [
              ("[oauth]\nprovider = \"google\"\nclient_id = \"x\"\nflow = \"device\"\n", "oauth.flow: Google does not allow Gmail's scope"),
              ("[oauth]\nprovider = \"custom\"\nclient_id = \"x\"\n", "oauth.provider: provider = \"custom\" needs token_url, scopes"),
              ("[oauth]\nclient_id = \"x\"\nflow = \"sideways\"\n", "oauth.flow: must be \"device\""),
              ("[oauth]\nprovider = \"microsoft\"\n", "oauth.client_id:"),
              ("[imap]\nurl = \"imaps://h:993\"\nusername = \"k@example.com\"\nauth = \"xoauth2\"\n", "or an [oauth] section and `followup auth login`"),
          ])
    func oauthMistakes(section: String, expected: String) {
        do {
            _ = try ConfigLoader.parse(minimal + "\n" + section, path: "followup.toml")
            Issue.record("the config loaded")
        } catch {
            #expect(error.lines.contains { $0.contains(expected) }, "\(error.lines)")
        }
    }

    @Test("every problem is listed with file, line and key")
    func everyProblem() {
        let text = """
        [sender]
        name = "Kira"
        email = "not-an-address"
        postal_address = "1 Main Street"

        [smtp]
        url = "http://mail.example.com"
        username = "kira"
        password = "hunter2"
        starttls = 1

        [schedule]
        timezone = "Mars/Olympus"
        window = "17:00-09:00"
        weekdays = ["mon", "funday"]
        daily_cap = 0
        colour = "blue"
        """
        do {
            _ = try ConfigLoader.parse(text, path: "followup.toml")
            Issue.record("an invalid config loaded")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.lines.contains("followup.toml:3: sender.email: \"not-an-address\" is not an email address"))
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:7: smtp.url:") })
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:9: smtp.password: passwords do not belong in the config file") })
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:10: smtp.starttls: expected a string") })
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:13: schedule.timezone:") })
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:14: schedule.window:") })
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:15: schedule.weekdays: \"funday\"") })
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:16: schedule.daily_cap:") })
            #expect(error.lines.contains { $0.hasPrefix("followup.toml:17: schedule.colour: unknown key") })
            #expect(error.lines.contains { $0.contains("steps") })
            #expect(!error.description.contains("hunter2"))
        }
    }

    @Test("a TOML syntax error names line and column")
    func syntaxError() {
        do {
            _ = try ConfigLoader.parse("[sender]\nname = \"unterminated\n", path: "x.toml")
            Issue.record("loaded")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.lines.first?.hasPrefix("x.toml:2:") == true)
        }
    }

    @Test("plaintext authentication to a remote host needs an explicit opt-in")
    func plaintextAuth() throws {
        let risky = minimal + """

        [smtp]
        url = "smtp://mail.example.com:587"
        username = "kira"
        password_env = "SMTP_PASSWORD"
        starttls = "opportunistic"
        """
        #expect(throws: CLIFailure.self) { try ConfigLoader.parse(risky, path: "f.toml") }
        let accepted = try ConfigLoader.parse(risky + "\nallow_plaintext_auth = true\n", path: "f.toml")
        #expect(accepted.smtp?.server.startTLS == .opportunistic)
        let loopback = try ConfigLoader.parse(risky.replacingOccurrences(of: "mail.example.com", with: "127.0.0.1"), path: "f.toml")
        #expect(loopback.smtp?.passwordSource == .environment("SMTP_PASSWORD"))
    }

    @Test("password sources: environment variable and command")
    func passwordSources() throws {
        #expect(throws: CLIFailure.self) { try PasswordSource.environment("FOLLOWUP_TEST_SURELY_UNSET_VARIABLE").resolve(for: "smtp") }
        let secret = try PasswordSource.command("printf 's3cret\\n'").resolve(for: "smtp")
        #expect(secret.revealed == "s3cret")
        do {
            _ = try PasswordSource.command("echo leaked-value; exit 3").resolve(for: "imap")
            Issue.record("a failing command gave a password")
        } catch {
            #expect(error.description == "imap.password_command exited with status 3; run it yourself to see why")
        }
    }

    @Test("a password command that hangs is stopped after its timeout, with an error that says so")
    func passwordCommandTimeout() throws {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try PasswordSource.command("echo partial-secret; sleep 30").resolve(for: "smtp", timeoutSeconds: 1)
            Issue.record("a hanging command gave a password")
        } catch {
            #expect(error.description == "smtp.password_command did not finish within 1 s; check that it does not wait for input")
            #expect(!error.description.contains("partial-secret"))
        }
        #expect(clock.now - started < .seconds(10), "the wait is bounded by the timeout")
        #expect(PasswordSource.commandTimeoutSeconds == 15, "the documented default")
    }
}
