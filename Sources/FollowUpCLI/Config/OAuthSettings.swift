import Foundation
import MailTransport

/// The `[oauth]` section: the provider `followup auth login` signs in with, and where the tokens
/// it gets are kept (beside the store, mode 0600, never in the config).
struct OAuthSettings: Sendable, Equatable {
    /// How `followup auth login` signs in.
    enum Flow: String, Sendable, Equatable {
        /// A code entered on any device (RFC 8628): Microsoft's default.
        case device
        /// A browser on this machine, redirected back to 127.0.0.1 (RFC 8252, PKCE): Google's only way.
        case browser
    }

    /// `microsoft`, `google` or `custom`.
    let providerName: String
    /// The endpoints, scopes and client ID (the client secret is read when needed).
    let provider: OAuthProvider
    /// How to sign in.
    let flow: Flow
    /// The environment variable holding the client secret, for providers that issue one.
    let clientSecretEnv: String?
    /// The file holding the refresh and access tokens.
    let tokenFile: String

    /// The provider with its client secret read from the environment.
    func providerWithSecret() throws(CLIFailure) -> OAuthProvider {
        guard let name = clientSecretEnv else { return provider }
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw CLIFailure(.failed, "the OAuth2 client secret is read from the environment variable \(name), which is not set; export it")
        }
        var withSecret = provider
        withSecret.clientSecret = Secret(value)
        return withSecret
    }
}

/// The tokens `followup auth login` got, as kept in `OAuthSettings.tokenFile`.
struct OAuthTokenFile {
    /// The tokens, and who they are for.
    var tokens: OAuthTokens
    /// The client ID they were issued to: a different one in the config means signing in again.
    var clientID: String
    /// When the user signed in.
    var signedInAt: Date

    /// The saved sign-in, or nil when there is none; throws when the file cannot be read.
    static func load(_ path: String) throws(CLIFailure) -> OAuthTokenFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let access = object["access_token"] as? String, let expires = object["expires_at"] as? Double,
              let clientID = object["client_id"] as? String else {
            throw CLIFailure(.failed, "\(path) is not a sign-in saved by followup; remove it and run `followup auth login`")
        }
        let tokens = OAuthTokens(accessToken: Secret(access), refreshToken: (object["refresh_token"] as? String).map(Secret.init),
                                 expiresAt: Date(timeIntervalSince1970: expires), scopes: object["scopes"] as? [String] ?? [])
        return OAuthTokenFile(tokens: tokens, clientID: clientID,
                              signedInAt: Date(timeIntervalSince1970: object["signed_in_at"] as? Double ?? expires))
    }

    /// Writes the file readable by its owner only, replacing the old one in one step.
    func save(_ path: String) throws(CLIFailure) {
        var object: [String: Any] = ["access_token": tokens.accessToken.revealed, "expires_at": tokens.expiresAt.timeIntervalSince1970,
                                     "scopes": tokens.scopes, "client_id": clientID, "signed_in_at": signedInAt.timeIntervalSince1970]
        if let refresh = tokens.refreshToken { object["refresh_token"] = refresh.revealed }
        let temporary = path + ".new"
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            // Created private before a byte of it is written.
            guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            try data.write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary)
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIFailure(.failed, "cannot save the sign-in in \(path): \(error.localizedDescription)")
        }
    }

    /// A current access token for `settings`: the saved one while it has more than five minutes
    /// left, else a fresh one from the refresh token (saved at once, since providers may rotate it).
    static func accessToken(_ settings: OAuthSettings, now: Date) throws(CLIFailure) -> Secret {
        guard var saved = try load(settings.tokenFile) else {
            throw CLIFailure(.failed, "not signed in to \(settings.providerName): run `followup auth login` once")
        }
        guard saved.clientID == settings.provider.clientID else {
            throw CLIFailure(.failed, "the saved sign-in is for another client ID than [oauth] names; run `followup auth login` again")
        }
        if saved.tokens.expiresAt.timeIntervalSince(now) > 300 { return saved.tokens.accessToken }
        guard let refreshToken = saved.tokens.refreshToken else {
            throw CLIFailure(.failed, "the access token has expired and the provider gave no refresh token (ask for offline_access); run `followup auth login` again")
        }
        do {
            saved.tokens = try OAuthClient.refresh(try settings.providerWithSecret(), refreshToken: refreshToken, now: now)
        } catch let failure as OAuthFailure {
            throw CLIFailure(.failed, failure.description)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(.failed, "\(error)")
        }
        try saved.save(settings.tokenFile)
        return saved.tokens.accessToken
    }
}
