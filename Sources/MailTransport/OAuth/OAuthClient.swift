public import Foundation
import MailCore

/// An OAuth2 provider as a mail client signs in to it: the device authorization grant (RFC 8628)
/// to sign in once, then refresh tokens (RFC 6749 section 6) for fresh access tokens.
public struct OAuthProvider: Sendable, Equatable {
    /// Where a device authorization starts.
    public var deviceAuthorizationURL: String
    /// Where a browser sign-in starts (the authorization endpoint), for providers that sign in
    /// through the browser (the authorization code flow with PKCE); nil when there is none.
    public var authorizationURL: String?
    /// Where codes and refresh tokens are exchanged for access tokens.
    public var tokenURL: String
    /// The scopes asked for (`offline_access` is what brings a refresh token at Microsoft).
    public var scopes: [String]
    /// The application's client ID, registered by the user with the provider.
    public var clientID: String
    /// The client secret, for providers that give one even to desktop applications.
    public var clientSecret: Secret?
    /// A PEM file of trusted certificate authorities for the endpoints; nil uses the system's.
    public var caFile: String?
    /// Seconds allowed for each request.
    public var timeoutSeconds: Int

    /// A provider from its endpoints.
    public init(deviceAuthorizationURL: String, authorizationURL: String? = nil, tokenURL: String, scopes: [String], clientID: String,
                clientSecret: Secret? = nil, caFile: String? = nil, timeoutSeconds: Int = 30) {
        self.deviceAuthorizationURL = deviceAuthorizationURL
        self.authorizationURL = authorizationURL
        self.tokenURL = tokenURL
        self.scopes = scopes
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }

    /// Microsoft identity platform (Microsoft 365, Outlook.com) for `tenant` (`common`,
    /// `organizations`, a tenant ID or domain), with the scopes IMAP and SMTP need.
    public static func microsoft(tenant: String, clientID: String) -> OAuthProvider {
        let base = "https://login.microsoftonline.com/\(FormPost.percentEncoded(tenant))/oauth2/v2.0"
        return OAuthProvider(deviceAuthorizationURL: base + "/devicecode", tokenURL: base + "/token",
                             scopes: ["offline_access", "https://outlook.office.com/IMAP.AccessAsUser.All", "https://outlook.office.com/SMTP.Send"],
                             clientID: clientID)
    }
}

extension OAuthProvider {
    /// Google (Workspace and Gmail), which allows the mail scope only through the browser sign-in;
    /// a desktop client of Google's also has a client secret.
    public static func google(clientID: String) -> OAuthProvider {
        OAuthProvider(deviceAuthorizationURL: "https://oauth2.googleapis.com/device/code",
                      authorizationURL: "https://accounts.google.com/o/oauth2/v2/auth", tokenURL: "https://oauth2.googleapis.com/token",
                      scopes: ["https://mail.google.com/"], clientID: clientID)
    }
}

/// What a sign-in or a refresh brought back.
public struct OAuthTokens: Sendable, Equatable {
    /// The access token that IMAP and SMTP accept.
    public var accessToken: Secret
    /// The refresh token, when the provider gave one (it may rotate it on each refresh).
    public var refreshToken: Secret?
    /// When the access token stops working.
    public var expiresAt: Date
    /// The scopes granted (may differ from those asked for).
    public var scopes: [String]

    /// Tokens from their parts.
    public init(accessToken: Secret, refreshToken: Secret?, expiresAt: Date, scopes: [String]) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.scopes = scopes
    }
}

/// A device sign-in in progress: what the user is told to do, and what the client polls with.
public struct DeviceAuthorization: Sendable {
    /// The code the client polls with (not shown to the user).
    public let deviceCode: Secret
    /// The short code the user types at `verificationURI`.
    public let userCode: String
    /// Where the user signs in.
    public let verificationURI: String
    /// The same page with the code filled in, when the provider offers it.
    public let verificationURIComplete: String?
    /// Seconds until the codes expire.
    public let expiresIn: Int
    /// Seconds to wait between polls.
    public let interval: Int
}

/// Why an OAuth2 request failed, as one sentence a user can act on. Never holds a token.
public struct OAuthFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable {
        /// The user declined, or the administrator did not consent (`access_denied`).
        case denied
        /// The device code expired before the user signed in (`expired_token`).
        case expired
        /// The refresh token is no longer valid: revoked, expired, or for another client (`invalid_grant`).
        case signInNeeded
        /// The provider refused the request for another reason (`invalid_client`, `invalid_scope`, ...).
        case refused
        /// The provider could not be reached, or answered something that is not OAuth2.
        case unreachable
    }

    /// What went wrong.
    public let kind: Kind
    /// The provider's error code and description, or our own words.
    public let detail: String

    /// A failure from its parts; `detail` must not hold a token.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// One sentence.
    public var description: String {
        switch kind {
        case .denied: return "the sign-in was declined (\(detail)); an administrator may need to consent to the application"
        case .expired: return "the sign-in code expired before it was used (\(detail)); run `followup auth login` again"
        case .signInNeeded: return "the provider no longer accepts the saved sign-in (\(detail)); run `followup auth login` again"
        case .refused: return "the provider refused the request (\(detail)); check the client ID, the tenant and the scopes in [oauth]"
        case .unreachable: return "the sign-in service could not be used: \(detail)"
        }
    }
}

/// The OAuth2 requests a mail client makes. Stateless: the caller keeps the tokens.
public enum OAuthClient {
    /// Starts a device sign-in (RFC 8628 section 3.1).
    public static func startDeviceAuthorization(_ provider: OAuthProvider) throws(OAuthFailure) -> DeviceAuthorization {
        let object = try post(provider, to: provider.deviceAuthorizationURL,
                              [("client_id", provider.clientID), ("scope", provider.scopes.joined(separator: " "))])
        guard let deviceCode = object["device_code"] as? String, let userCode = object["user_code"] as? String,
              let uri = (object["verification_uri"] ?? object["verification_url"]) as? String else {
            throw OAuthFailure(kind: .unreachable, detail: "the device authorization answer lacks device_code, user_code or verification_uri")
        }
        return DeviceAuthorization(deviceCode: Secret(deviceCode), userCode: userCode, verificationURI: uri,
                                   verificationURIComplete: object["verification_uri_complete"] as? String,
                                   expiresIn: Self.integer(object["expires_in"]) ?? 900, interval: max(1, Self.integer(object["interval"]) ?? 5))
    }

    /// Polls until the user has signed in (RFC 8628 section 3.4), waiting `interval` seconds
    /// between polls (longer after `slow_down`) with `pause`. Stops with `.expired` when the code
    /// expires, and with `.denied` when the user declines or `shouldStop` answers true.
    public static func awaitTokens(_ provider: OAuthProvider, for authorization: DeviceAuthorization, now: () -> Date,
                                   pause: (Double) -> Void, shouldStop: () -> Bool = { false }) throws(OAuthFailure) -> OAuthTokens {
        var interval = Double(authorization.interval)
        var waited = 0.0
        while waited < Double(authorization.expiresIn) {
            pause(interval)
            waited += interval
            if shouldStop() { throw OAuthFailure(kind: .denied, detail: "stopped before the sign-in finished") }
            do {
                return try tokens(provider, now: now(), [("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                                                          ("device_code", authorization.deviceCode.revealed)])
            } catch let failure where failure.detail.hasPrefix("authorization_pending") {
                continue
            } catch let failure where failure.detail.hasPrefix("slow_down") {
                interval += 5
            } catch let failure where failure.detail.hasPrefix("expired_token") {
                throw OAuthFailure(kind: .expired, detail: failure.detail)
            } catch let failure where failure.detail.hasPrefix("access_denied") {
                throw OAuthFailure(kind: .denied, detail: failure.detail)
            }
        }
        throw OAuthFailure(kind: .expired, detail: "no sign-in within \(authorization.expiresIn) s")
    }

    /// Signs in through the browser (the authorization code flow with PKCE, RFC 7636, and a
    /// loopback redirect, RFC 8252): `show` gets the address to open; the code that comes back
    /// to 127.0.0.1 is exchanged for tokens. Waits up to `timeoutSeconds`.
    public static func signInWithBrowser(_ provider: OAuthProvider, now: () -> Date, timeoutSeconds: Double = 600,
                                         show: (String) -> Void, shouldStop: () -> Bool = { false }) throws(OAuthFailure) -> OAuthTokens {
        guard let authorizationURL = provider.authorizationURL else {
            throw OAuthFailure(kind: .refused, detail: "the provider has no authorization endpoint for a browser sign-in")
        }
        let redirect = try LoopbackRedirect()
        let verifier = randomToken(bytes: 32)
        let challenge = base64URL(SHA256.digest(Array(verifier.utf8)))
        let state = randomToken(bytes: 16)
        let query = [("response_type", "code"), ("client_id", provider.clientID), ("redirect_uri", redirect.redirectURI),
                     ("scope", provider.scopes.joined(separator: " ")), ("state", state), ("code_challenge", challenge),
                     ("code_challenge_method", "S256"), ("access_type", "offline"), ("prompt", "consent")]
        show(authorizationURL + (authorizationURL.contains("?") ? "&" : "?")
             + query.map { FormPost.percentEncoded($0.0) + "=" + FormPost.percentEncoded($0.1) }.joined(separator: "&"))
        let code = try redirect.awaitCode(state: state, timeoutSeconds: timeoutSeconds, shouldStop: shouldStop)
        return try tokens(provider, now: now(), [("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier),
                                                 ("redirect_uri", redirect.redirectURI)])
    }

    /// `bytes` random bytes as base64url without padding (43 characters for 32 bytes).
    static func randomToken(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return base64URL((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Base64url without padding (RFC 4648 section 5), as PKCE writes the challenge.
    static func base64URL(_ bytes: [UInt8]) -> String {
        String(Base64.encode(bytes).compactMap { character -> Character? in
            switch character {
            case "+": return "-"
            case "/": return "_"
            case "=": return nil
            default: return character
            }
        })
    }

    /// A fresh access token for `refreshToken`. The refresh token in the answer replaces the old
    /// one when the provider rotates it; otherwise the old one stays.
    public static func refresh(_ provider: OAuthProvider, refreshToken: Secret, now: Date) throws(OAuthFailure) -> OAuthTokens {
        var fresh = try tokens(provider, now: now, [("grant_type", "refresh_token"), ("refresh_token", refreshToken.revealed),
                                                   ("scope", provider.scopes.joined(separator: " "))])
        if fresh.refreshToken == nil { fresh.refreshToken = refreshToken }
        return fresh
    }

    /// A token request; an OAuth2 error answer becomes a failure whose detail starts with the error code.
    private static func tokens(_ provider: OAuthProvider, now: Date, _ grant: [(String, String)]) throws(OAuthFailure) -> OAuthTokens {
        let object = try post(provider, to: provider.tokenURL, grant)
        guard let access = object["access_token"] as? String, !access.isEmpty else {
            throw OAuthFailure(kind: .unreachable, detail: "the token answer has no access_token")
        }
        let lifetime = Self.integer(object["expires_in"]) ?? 3600
        let scopes = (object["scope"] as? String).map { $0.split(separator: " ").map(String.init) } ?? provider.scopes
        return OAuthTokens(accessToken: Secret(access), refreshToken: (object["refresh_token"] as? String).map(Secret.init),
                           expiresAt: now.addingTimeInterval(TimeInterval(lifetime)), scopes: scopes)
    }

    /// Posts a form with the client's credentials; the JSON object answered. An OAuth2 error
    /// (`{"error": ...}`) throws `.signInNeeded` for `invalid_grant`, `.refused` for the rest,
    /// with the code first in the detail.
    private static func post(_ provider: OAuthProvider, to url: String, _ fields: [(String, String)]) throws(OAuthFailure) -> [String: Any] {
        var form = fields
        if !form.contains(where: { $0.0 == "client_id" }) { form.append(("client_id", provider.clientID)) }
        if let secret = provider.clientSecret { form.append(("client_secret", secret.revealed)) }
        let response: FormPost.Response
        do {
            response = try FormPost.send(form, to: url, caFile: provider.caFile, timeoutSeconds: provider.timeoutSeconds)
        } catch {
            throw OAuthFailure(kind: .unreachable, detail: error.description)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] else {
            throw OAuthFailure(kind: .unreachable, detail: "\(FormPost.host(of: url)) answered HTTP \(response.status) without a JSON object")
        }
        if let code = object["error"] as? String {
            let words = (object["error_description"] as? String).map { ": " + String($0.prefix(300)) } ?? ""
            let detail = HeaderSafety.printable(code + words)
            throw OAuthFailure(kind: code == "invalid_grant" ? .signInNeeded : .refused, detail: detail)
        }
        guard (200..<300).contains(response.status) else {
            throw OAuthFailure(kind: .unreachable, detail: "\(FormPost.host(of: url)) answered HTTP \(response.status)")
        }
        return object
    }

    private static func integer(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let text = value as? String { return Int(text) }
        if let number = value as? Double { return Int(number) }
        return nil
    }
}
