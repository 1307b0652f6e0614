import ArgumentParser
import Foundation
import MailTransport

/// `followup auth login|status|logout`: the OAuth2 sign-in that `[oauth]` describes.
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Sign in to Microsoft 365 (or another OAuth2 provider) once; followup keeps the sign-in fresh.",
        discussion: """
        Needs an [oauth] section, and auth = "xoauth2" (or "oauthbearer") without token_command in [smtp] \
        and [imap]. The tokens are kept beside the store (STORE.oauth.json, readable by you only), never in \
        the config; access tokens are refreshed before they expire.
        """,
        subcommands: [Login.self, Status.self, Logout.self]
    )

    /// The `[oauth]` section, or a one-line error saying how to add one.
    static func settings(_ config: FollowUpConfig) throws(CLIFailure) -> OAuthSettings {
        guard let oauth = config.oauth else {
            throw CLIFailure(.invalidInput, "\(config.file) has no [oauth] section; add one with provider and client_id (see the README's Microsoft 365 section)")
        }
        return oauth
    }

    /// `followup auth login`
    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign in once: with a code on any device (Microsoft), or in a browser on this machine (Google).",
            discussion: """
            flow = "device" (the device authorization grant, RFC 8628) prints a web address and a code; sign in there \
            with the mailbox's account. flow = "browser" (authorization code with PKCE, RFC 7636 and 8252) prints an \
            address to open here; the browser comes back to followup on 127.0.0.1. Waits until you have signed in, \
            then saves the sign-in.
            """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let config = try global.loadConfig()
            let settings = try AuthCommand.settings(config)
            let provider = try settings.providerWithSecret()
            let stop = StopSignal()
            let console = Console.current
            let account = AuthCommand.account(config) ?? "the one in [smtp] and [imap]"
            do {
                let tokens: OAuthTokens
                switch settings.flow {
                case .device:
                    let authorization = try OAuthClient.startDeviceAuthorization(provider)
                    console.out("To sign in, open \(authorization.verificationURI) and enter the code \(authorization.userCode)")
                    if let complete = authorization.verificationURIComplete { console.out("(or open \(complete))") }
                    console.out("Sign in with the mailbox's account (\(account)); waiting...")
                    tokens = try OAuthClient.awaitTokens(provider, for: authorization, now: { Date() },
                                                         pause: { Thread.sleep(forTimeInterval: $0) }, shouldStop: { stop.isRequested })
                case .browser:
                    tokens = try OAuthClient.signInWithBrowser(provider, now: { Date() }, show: { address in
                        console.out("To sign in, open this address in a browser on this machine, with the mailbox's account (\(account)):")
                        console.out(address)
                        console.out("waiting for the browser to come back to followup...")
                    }, shouldStop: { stop.isRequested })
                }
                try OAuthTokenFile(tokens: tokens, clientID: provider.clientID, signedInAt: Date()).save(settings.tokenFile)
                console.out("signed in: scopes \(tokens.scopes.joined(separator: " ")); the access token is valid until "
                            + ISOTime.format(tokens.expiresAt) + (tokens.refreshToken == nil ? " and cannot be refreshed (no offline_access)" : " and is refreshed as needed"))
            } catch let failure as OAuthFailure {
                throw CLIFailure(.failed, failure.description)
            }
        }
    }

    /// `followup auth status`
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show whether followup is signed in, with which scopes, and until when.",
            discussion: "Exit 0 when signed in, 1 when not.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "One JSON object: {\"signed_in\", \"provider\", \"account\", \"scopes\", \"access_token_expires_at\", \"refreshable\", \"signed_in_at\"}.")
        var json = false

        func run() throws {
            let config = try global.loadConfig()
            let settings = try AuthCommand.settings(config)
            let saved = try OAuthTokenFile.load(settings.tokenFile)
            let console = Console.current
            if json {
                var object: [String: Any] = ["signed_in": saved != nil, "provider": settings.providerName]
                if let account = AuthCommand.account(config) { object["account"] = account }
                if let saved {
                    object["scopes"] = saved.tokens.scopes
                    object["access_token_expires_at"] = ISOTime.format(saved.tokens.expiresAt)
                    object["refreshable"] = saved.tokens.refreshToken != nil
                    object["signed_in_at"] = ISOTime.format(saved.signedInAt)
                }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                console.out(String(decoding: data, as: UTF8.self))
            } else if let saved {
                console.out("signed in to \(settings.providerName) as \(AuthCommand.account(config) ?? "the configured account") since \(ISOTime.format(saved.signedInAt))")
                console.out("scopes    \(saved.tokens.scopes.joined(separator: " "))")
                console.out("token     valid until \(ISOTime.format(saved.tokens.expiresAt))"
                            + (saved.tokens.refreshToken == nil ? ", cannot be refreshed" : ", refreshed as needed"))
            } else {
                console.out("not signed in to \(settings.providerName): run `followup auth login`")
            }
            if saved == nil { throw ExitCode(1) }
        }
    }

    /// `followup auth logout`
    struct Logout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forget the saved sign-in (the provider keeps the app's consent until you remove it there).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let config = try global.loadConfig()
            let settings = try AuthCommand.settings(config)
            guard FileManager.default.fileExists(atPath: settings.tokenFile) else {
                Console.current.out("not signed in: nothing to forget")
                return
            }
            do {
                try FileManager.default.removeItem(atPath: settings.tokenFile)
            } catch {
                throw CLIFailure(.failed, "cannot remove \(settings.tokenFile): \(error.localizedDescription)")
            }
            Console.current.out("signed out: \(settings.tokenFile) removed; sending and polling need `followup auth login` again")
        }
    }

    /// The mailbox account the servers sign in as.
    static func account(_ config: FollowUpConfig) -> String? {
        config.smtp?.server.username ?? config.imap?.server.username
    }
}
