import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The rig's stand-in OAuth2 identity provider (scripts/oauth-standin.py on 127.0.0.1:9180): not a
/// real one. Dovecot checks access tokens with it; the tests mint and revoke them here.
public enum OAuthStandIn {
    /// Its port.
    public static let port = Int(ProcessInfo.processInfo.environment["FOLLOWUP_RIG_OAUTH_PORT"] ?? "") ?? 9180
    /// The rig's user that has no password: it signs in only with a token.
    public static let user = "oauth@example.test"

    /// A new access token for `user`, valid for `lifetime` seconds.
    /// With `jwtScopes`, the token is shaped like Microsoft's (a JWT whose claims carry its expiry,
    /// these scopes and the audience `https://outlook.office.com`).
    public static func mint(for user: String = user, lifetime: Int = 3600, jwtScopes: String? = nil) throws -> String {
        var form = ["username": user, "lifetime": String(lifetime)]
        if let jwtScopes {
            form["format"] = "jwt"
            form["scope"] = jwtScopes
        }
        let answer = try post("/admin/token", form)
        guard let token = answer["access_token"] as? String else { throw RigError(description: "the OAuth2 stand-in minted no token: \(answer)") }
        return token
    }

    /// Makes `token` invalid from now on.
    public static func revoke(_ token: String) throws {
        _ = try post("/admin/revoke", ["token": token])
    }

    /// Plays the user who signs in at the device page: approves (or declines) the sign-in with
    /// `userCode` as `username`.
    public static func approve(userCode: String, as username: String = user, deny: Bool = false) throws {
        var form = ["user_code": userCode, "username": username]
        if deny { form["deny"] = "1" }
        _ = try post("/admin/approve", form)
    }

    /// Makes access tokens from the token endpoint live `seconds` from now on (3600 restores the default).
    public static func setTokenLifetime(_ seconds: Int) throws {
        _ = try post("/admin/lifetime", ["seconds": String(seconds)])
    }

    /// Makes every refresh token of `username` invalid, as revoking the app's consent would.
    public static func revokeRefreshTokens(of username: String = user) throws {
        _ = try post("/admin/revoke-refresh", ["username": username])
    }

    /// One form POST over a plain socket (HTTP/1.0, so the server closes when done); the JSON answer.
    public static func post(_ path: String, _ form: [String: String]) throws -> [String: Any] {
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let request = "POST \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        guard let text = Loopback.exchange(request, port: port) else {
            throw RigError(description: "the OAuth2 stand-in does not answer on 127.0.0.1:\(port); run scripts/mail-servers.sh up")
        }
        guard let split = text.range(of: "\r\n\r\n"),
              let object = try JSONSerialization.jsonObject(with: Data(text[split.upperBound...].utf8)) as? [String: Any] else {
            throw RigError(description: "unexpected answer from the OAuth2 stand-in: \(text.prefix(200))")
        }
        return object
    }
}
