import FollowUp
import Foundation
import MailTransport
import TOML

/// Turns the TOML tree into `FollowUpConfig`, reporting each problem at its key's line.
struct ConfigDecoder {
    /// Relative paths in the file resolve against this directory.
    let directory: String

    /// The config, or nil when a required part is missing or invalid (problems say why).
    mutating func decode(_ root: TOMLTableReader, file: String) -> FollowUpConfig? {
        let storeTable = root.table("store")
        let storePath = storeTable?.string("path") ?? "followup.sqlite"
        let oauth = root.table("oauth").flatMap { decodeOAuth($0, storePath: resolve(storePath)) }
        let sender = root.requiredTable("sender").flatMap(decodeSender)
        let smtp = root.table("smtp").flatMap { decodeSMTP($0, senderEmail: sender?.email, oauth: oauth) }
        let imap = root.table("imap").flatMap { decodeIMAP($0, oauth: oauth) }
        let sync = storeTable?.string("sync") ?? "full"
        if sync != "full" && sync != "normal" {
            storeTable?.problem("sync", "must be \"full\" (survives power cuts) or \"normal\" (survives crashes; faster), not \"\(sync)\"")
        }
        storeTable?.rejectUnknownKeys()
        let schedule = decodeSchedule(root.table("schedule"))
        let steps = decodeSteps(root)
        let after = decodeSequence(root.table("sequence"))
        guard let sender, let schedule, let steps, let after, sync == "full" || sync == "normal" else { return nil }
        return FollowUpConfig(file: file, directory: directory, sender: sender, smtp: smtp, imap: imap, oauth: oauth,
                              storePath: resolve(storePath), storeFullSync: sync == "full", schedule: schedule, steps: steps, afterLastStep: after)
    }

    /// A path relative to the config file's directory, unless absolute.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    private func decodeSender(_ table: TOMLTableReader) -> SenderSettings? {
        let name = table.requiredString("name")
        let email = table.requiredString("email")
        let postal = table.requiredString("postal_address")
        let mailto = table.string("unsubscribe_mailto")
        let url = table.string("unsubscribe_url")
        for (key, value) in [("name", name), ("postal_address", postal)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty { table.problem(key, "must not be empty") }
            if let value, value.contains(where: { $0.isNewline }) { table.problem(key, "must be one line (no line breaks)") }
        }
        if let email, !EmailAddress.isValid(email) { table.problem("email", "\"\(email)\" is not an email address") }
        if let mailto, !EmailAddress.isValid(mailto.hasPrefix("mailto:") ? String(mailto.dropFirst(7)) : mailto) {
            table.problem("unsubscribe_mailto", "\"\(mailto)\" is not an email address")
        }
        if let url, !url.lowercased().hasPrefix("https://") || url.contains(where: { $0.isWhitespace }) {
            table.problem("unsubscribe_url", "must be an https:// URL (RFC 8058 one-click unsubscribe works only over HTTPS)")
        }
        table.rejectUnknownKeys()
        guard let name, let email, let postal else { return nil }
        return SenderSettings(name: name, email: email, postalAddress: postal,
                              unsubscribeMailto: mailto.map { $0.hasPrefix("mailto:") ? String($0.dropFirst(7)) : $0 },
                              unsubscribeURL: url)
    }

    private func decodeSMTP(_ table: TOMLTableReader, senderEmail: String?, oauth: OAuthSettings?) -> SMTPSettings? {
        // Read first, so that a problem with the server does not make them look unknown.
        let helo = table.string("helo_name") ?? senderEmail.flatMap { $0.split(separator: "@").last.map(String.init) } ?? "localhost"
        let witnessText = table.string("witness") ?? "self"
        let witnessWait = table.integer("witness_wait_seconds") ?? 10
        guard let (server, source) = decodeServer(table, schemes: ["smtp", "smtps"], section: "smtp", oauth: oauth) else {
            table.rejectUnknownKeys()
            return nil
        }
        table.rejectUnknownKeys()
        var witness: String?
        switch witnessText {
        case "self": witness = senderEmail
        case "none": witness = nil
        default:
            guard EmailAddress.isValid(witnessText) else {
                table.problem("witness", "must be \"self\", \"none\" or an email address, not \"\(witnessText)\"")
                return nil
            }
            witness = witnessText
        }
        guard (0...600).contains(witnessWait) else {
            table.problem("witness_wait_seconds", "must be between 0 and 600")
            return nil
        }
        return SMTPSettings(server: server, passwordSource: source, heloName: helo, witnessAddress: witness, witnessWaitSeconds: Int(witnessWait))
    }

    /// Where settled witness copies go when neither `witness_mailbox` nor `sent_mailbox` is set.
    static let defaultWitnessMailbox = "followup-witness"

    private func decodeIMAP(_ table: TOMLTableReader, oauth: OAuthSettings?) -> IMAPSettings? {
        let mailbox = table.string("mailbox") ?? "INBOX"
        let sent = table.string("sent_mailbox")
        // Witness copies leave the INBOX once settled: into the sent mailbox, else one of their own;
        // "" keeps them where they arrive.
        let witness = table.string("witness_mailbox") ?? sent ?? Self.defaultWitnessMailbox
        for (key, value) in [("mailbox", mailbox), ("sent_mailbox", sent ?? "Sent"), ("witness_mailbox", witness.isEmpty ? "-" : witness)]
        where value.isEmpty || value.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            table.problem(key, "must be a mailbox name without control characters")
        }
        if witness.caseInsensitiveCompare(mailbox) == .orderedSame {
            table.problem("witness_mailbox", "must differ from mailbox (\(mailbox)); use \"\" to keep witness copies where they arrive")
        }
        guard let (server, source) = decodeServer(table, schemes: ["imap", "imaps"], section: "imap", oauth: oauth) else {
            table.rejectUnknownKeys()
            return nil
        }
        table.rejectUnknownKeys()
        return IMAPSettings(server: server, passwordSource: source, mailbox: mailbox, sentMailbox: sent,
                            witnessMailbox: witness.isEmpty ? nil : witness)
    }

    /// The keys `[smtp]` and `[imap]` share: url, credentials, TLS and timeouts.
    private func decodeServer(_ table: TOMLTableReader, schemes: [String], section: String, oauth: OAuthSettings?) -> (MailServer, PasswordSource?)? {
        let url = table.requiredString("url")
        let username = table.string("username")
        let passwordEnv = table.string("password_env")
        let passwordCommand = table.string("password_command")
        let authText = table.string("auth") ?? "password"
        let tokenCommand = table.string("token_command")
        if table.node("password") != nil {
            table.problem("password", "passwords do not belong in the config file; use password_env (an environment variable's name) or password_command")
        }
        let caFile = table.string("ca_file").map(resolve)
        let startTLSText = table.string("starttls") ?? "required"
        let connectTimeout = table.integer("connect_timeout_seconds") ?? 30
        let timeout = table.integer("timeout_seconds") ?? 120
        let allowPlaintext = table.bool("allow_plaintext_auth") ?? false
        let skipVerify = table.bool("danger_accept_invalid_certificates") ?? false

        var valid = true
        let parsed = url.flatMap(ServerURL.init)
        if let url, parsed.map({ schemes.contains($0.scheme) }) != true {
            table.problem("url", "\"\(url)\" is not a \(schemes.joined(separator: "://host[:port] or "))://host[:port] URL")
            valid = false
        }
        let startTLS = StartTLSPolicy(rawValue: startTLSText)
        if startTLS == nil {
            table.problem("starttls", "must be \"required\", \"opportunistic\" or \"never\", not \"\(startTLSText)\"")
            valid = false
        }
        let signIn = SignIn(rawValue: authText)
        if signIn == nil {
            table.problem("auth", "must be \"password\", \"xoauth2\" or \"oauthbearer\", not \"\(authText)\"")
            valid = false
        }
        var source: PasswordSource?
        if let signIn, signIn != .password {
            // OAuth2: an access token from token_command; a password makes no sense here.
            if passwordEnv != nil || passwordCommand != nil {
                table.problem(passwordEnv != nil ? "password_env" : "password_command",
                              "auth = \"\(authText)\" signs in with an access token (token_command or [oauth]), not a password")
                valid = false
            }
            if let tokenCommand {
                source = .tokenCommand(tokenCommand)
            } else if let oauth {
                source = .signedIn(oauth)
            } else {
                table.problem("auth", "auth = \"\(authText)\" needs token_command (a command that prints a current access token), "
                              + "or an [oauth] section and `followup auth login`")
                valid = false
            }
            if username == nil {
                table.problem("auth", "auth = \"\(authText)\" needs username, the mailbox's address")
                valid = false
            }
        } else if tokenCommand != nil {
            table.problem("token_command", "is for auth = \"xoauth2\" or \"oauthbearer\"; with a password use password_env or password_command")
            valid = false
        } else {
            switch (passwordEnv, passwordCommand) {
            case (let name?, nil): source = .environment(name)
            case (nil, let command?): source = .command(command)
            case (.some, .some):
                table.problem("password_command", "set password_env or password_command, not both")
                valid = false
            case (nil, nil):
                if username != nil {
                    table.problem("username", "a username needs password_env or password_command")
                    valid = false
                }
            }
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            table.problem("ca_file", "cannot read \(caFile)")
            valid = false
        }
        for (key, value) in [("connect_timeout_seconds", connectTimeout), ("timeout_seconds", timeout)] where !(1...3600).contains(value) {
            table.problem(key, "must be between 1 and 3600 seconds")
            valid = false
        }
        guard valid, let url, let startTLS, let parsed else { return nil }
        var server = MailServer(url: url, username: username, password: nil, caFile: caFile, startTLS: startTLS,
                                verifyTLS: !skipVerify, connectTimeoutSeconds: Int(connectTimeout), operationTimeoutSeconds: Int(timeout))
        server.signIn = signIn ?? .password
        let encrypted = server.usesImplicitTLS || startTLS == .required
        if username != nil, !encrypted, !server.isLoopback, !allowPlaintext {
            table.problem("starttls", "\"\(startTLS.rawValue)\" could send the password to \(parsed.host) unencrypted; use \"required\" or smtps/imaps, or set allow_plaintext_auth = true if you accept that")
            return nil
        }
        return (server, source)
    }

    /// `[oauth]`: the provider `followup auth login` signs in with, and how.
    private func decodeOAuth(_ table: TOMLTableReader, storePath: String) -> OAuthSettings? {
        let name = table.string("provider") ?? "microsoft"
        let clientID = table.requiredString("client_id")
        let tenant = table.string("tenant") ?? "organizations"
        let secretEnv = table.string("client_secret_env")
        let flowText = table.string("flow")
        let deviceURL = table.string("device_authorization_url")
        let authorizationURL = table.string("authorization_url")
        let tokenURL = table.string("token_url")
        let scopes = table.string("scopes")
        let caFile = table.string("ca_file").map(resolve)
        table.rejectUnknownKeys()
        guard let clientID else { return nil }
        var provider: OAuthProvider
        var defaultFlow = OAuthSettings.Flow.device
        switch name {
        case "microsoft":
            provider = .microsoft(tenant: tenant, clientID: clientID)
        case "google":
            provider = .google(clientID: clientID)
            defaultFlow = .browser
        case "custom":
            guard tokenURL != nil, scopes != nil, deviceURL != nil || authorizationURL != nil else {
                table.problem("provider", "provider = \"custom\" needs token_url, scopes, and device_authorization_url or authorization_url")
                return nil
            }
            provider = OAuthProvider(deviceAuthorizationURL: deviceURL ?? "", tokenURL: tokenURL ?? "", scopes: [], clientID: clientID)
            defaultFlow = deviceURL != nil ? .device : .browser
        default:
            table.problem("provider", "must be \"microsoft\", \"google\" or \"custom\", not \"\(name)\"")
            return nil
        }
        if let deviceURL { provider.deviceAuthorizationURL = deviceURL }
        if let authorizationURL { provider.authorizationURL = authorizationURL }
        if let tokenURL { provider.tokenURL = tokenURL }
        if let scopes { provider.scopes = scopes.split(separator: " ").map(String.init) }
        provider.caFile = caFile
        let flow = flowText.map(OAuthSettings.Flow.init(rawValue:)) ?? defaultFlow
        guard let flow else {
            table.problem("flow", "must be \"device\" (a code to enter on any device) or \"browser\" (a browser on this machine), not \"\(flowText ?? "")\"")
            return nil
        }
        if flow == .browser && provider.authorizationURL == nil {
            table.problem("flow", "flow = \"browser\" needs authorization_url")
            return nil
        }
        if flow == .device && name == "google" {
            table.problem("flow", "Google does not allow Gmail's scope through the device sign-in; use flow = \"browser\"")
            return nil
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            table.problem("ca_file", "cannot read \(caFile)")
            return nil
        }
        return OAuthSettings(providerName: name, provider: provider, flow: flow, clientSecretEnv: secretEnv, tokenFile: storePath + ".oauth.json")
    }

    private func decodeSchedule(_ table: TOMLTableReader?) -> ScheduleSettings? {
        let timeZone = table?.string("timezone") ?? TimeZone.current.identifier
        let window = table?.string("window") ?? "09:00-17:00"
        let weekdayNames = table?.strings("weekdays") ?? ["mon", "tue", "wed", "thu", "fri"]
        let dailyCap = table?.integer("daily_cap") ?? 50
        let minGap = table?.integer("min_gap_seconds") ?? 90
        let jitter = table?.integer("jitter_seconds") ?? 60
        let businessDays = table?.bool("business_days") ?? false
        table?.rejectUnknownKeys()
        var valid = true
        if TimeZone(identifier: timeZone) == nil {
            table?.problem("timezone", "\"\(timeZone)\" is not an IANA time zone name (like \"America/New_York\")")
            valid = false
        }
        let bounds = SendingWindow.parse(window)
        if bounds == nil {
            table?.problem("window", "\"\(window)\" is not a window like \"09:00-17:00\" (start before end; \"00:00-24:00\" for any time)")
            valid = false
        }
        var weekdays = Set<Int>()
        for name in weekdayNames {
            if let day = SendingWindow.weekday(name) { weekdays.insert(day) } else {
                table?.problem("weekdays", "\"\(name)\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
                valid = false
            }
        }
        if weekdays.isEmpty && valid {
            table?.problem("weekdays", "needs at least one day")
            valid = false
        }
        if dailyCap < 1 { table?.problem("daily_cap", "must be at least 1"); valid = false }
        if minGap < 0 { table?.problem("min_gap_seconds", "must not be negative"); valid = false }
        if jitter < 0 { table?.problem("jitter_seconds", "must not be negative"); valid = false }
        guard valid, let bounds else { return nil }
        return ScheduleSettings(timeZone: timeZone, windowStart: bounds.start, windowEnd: bounds.end, weekdays: weekdays,
                                dailyCap: Int(dailyCap), minGapSeconds: Int(minGap), jitterSeconds: Int(jitter), businessDays: businessDays)
    }

    private func decodeSteps(_ root: TOMLTableReader) -> [StepSettings]? {
        guard let tables = root.tables("steps") else {
            root.problem("steps", "the sequence needs at least one [[steps]] entry with a template")
            return nil
        }
        var steps: [StepSettings] = []
        var valid = true
        for table in tables {
            let template = table.requiredString("template")
            let delay = table.integer("delay_days") ?? 0
            table.rejectUnknownKeys()
            if !(0...3650).contains(delay) { table.problem("delay_days", "must be between 0 and 3650"); valid = false }
            guard let template else { valid = false; continue }
            steps.append(StepSettings(template: resolve(template), templateAsWritten: template, delayDays: Int(delay),
                                      line: table.line(of: "template"), key: table.path(of: "template")))
        }
        if tables.isEmpty { root.problem("steps", "the sequence needs at least one step"); valid = false }
        return valid ? steps : nil
    }

    private func decodeSequence(_ table: TOMLTableReader?) -> AfterLastStep? {
        guard let table else { return .repeatLast(everyDays: 14, maxAttempts: 12) }
        let policy = table.string("after_last_step") ?? "repeat"
        let every = table.integer("repeat_every_days") ?? 14
        let max = table.integer("max_attempts") ?? 12
        table.rejectUnknownKeys()
        switch policy {
        case "stop":
            return .stop
        case "repeat":
            var valid = true
            if !(1...365).contains(every) { table.problem("repeat_every_days", "must be between 1 and 365"); valid = false }
            if !(1...1000).contains(max) { table.problem("max_attempts", "must be between 1 and 1000"); valid = false }
            return valid ? .repeatLast(everyDays: Int(every), maxAttempts: Int(max)) : nil
        default:
            table.problem("after_last_step", "must be \"stop\" or \"repeat\", not \"\(policy)\"")
            return nil
        }
    }
}
