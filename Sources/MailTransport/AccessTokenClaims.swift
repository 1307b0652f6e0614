public import Foundation

/// What an OAuth2 access token says about itself when it is a JSON Web Token (Microsoft's are;
/// Google's are opaque): its expiry, scopes, audience and account. Read only to explain a sign-in
/// (`doctor`), never to decide one: the server is the judge. Nothing here is secret; the signature
/// is neither read nor checked.
public struct AccessTokenClaims: Sendable, Equatable {
    /// When the token expires (`exp`).
    public let expires: Date?
    /// The granted scopes (`scp`, or `scope`), in the token's order.
    public let scopes: [String]
    /// Whom the token is for (`aud`), e.g. `https://outlook.office.com`.
    public let audience: String?
    /// The account it was issued to (`upn`, `preferred_username` or `email`).
    public let account: String?

    /// The claims of a JWT-shaped token (`header.payload.signature`, base64url); nil for anything else.
    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count < 16_384 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        expires = (object["exp"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        let scopeText = (object["scp"] as? String) ?? (object["scope"] as? String) ?? ""
        scopes = scopeText.split(separator: " ").map(String.init)
        audience = (object["aud"] as? String) ?? (object["aud"] as? [String])?.first
        account = (object["upn"] as? String) ?? (object["preferred_username"] as? String) ?? (object["email"] as? String)
    }

    /// True when the token is for Microsoft 365's mail servers, whose scopes this can check.
    public var isMicrosoftMail: Bool {
        audience?.lowercased().contains("outlook.office") ?? false
    }
}

extension Secret {
    /// The claims of this credential when it is a JWT access token; nil for a password or an opaque token.
    public var accessTokenClaims: AccessTokenClaims? { AccessTokenClaims(token: revealed) }
}
