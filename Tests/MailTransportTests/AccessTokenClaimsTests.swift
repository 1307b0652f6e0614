import Foundation
import MailTransport
import Testing

/// Reading what a JWT access token says about itself, and nothing from anything else.
@Suite("Access token claims")
struct AccessTokenClaimsTests {
    func jwt(_ claims: String) -> String {
        func part(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        return part(#"{"typ":"JWT","alg":"RS256"}"#) + "." + part(claims) + ".c2lnbmF0dXJl"
    }

    @Test("a Microsoft-shaped token gives its expiry, scopes, audience and account")
    func microsoft() throws {
        let claims = try #require(AccessTokenClaims(token: jwt(#"{"aud":"https://outlook.office.com","exp":1796000000,"scp":"IMAP.AccessAsUser.All SMTP.Send","upn":"kira@example.com"}"#)))
        #expect(claims.expires == Date(timeIntervalSince1970: 1_796_000_000))
        #expect(claims.scopes == ["IMAP.AccessAsUser.All", "SMTP.Send"])
        #expect(claims.isMicrosoftMail && claims.account == "kira@example.com")
        #expect(Secret(jwt(#"{"scope":"https://mail.google.com/"}"#)).accessTokenClaims?.scopes == ["https://mail.google.com/"])
    }

    @Test("opaque tokens, passwords and malformed tokens have no claims", arguments: [
        "ya29.a0AfH6SMBopaqueGoogleToken", "hunter2", "a.b.c", "a..c", "x.!!!.y", "....", "",
    ])
    func noClaims(token: String) {
        #expect(AccessTokenClaims(token: token) == nil)
    }
}
