import MailTransport
import Testing

/// A refused OAuth2 token is explained by what the server said, in one sentence.
@Suite("Advice when a server refuses an OAuth2 token")
struct TokenAdviceTests {
    func refused(_ reply: String?, signIn: SignIn = .xoauth2) -> String {
        var error = MailTransportError(kind: .authenticationFailed, host: "smtp.example.test", username: "kira@example.test",
                                       command: "AUTH", reply: reply, detail: "Login denied")
        error.signIn = signIn
        return error.description
    }

    @Test("Microsoft 365 with SMTP AUTH turned off names the admin center switch")
    func smtpAuthOff() {
        let text = refused("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.")
        #expect(text.contains("refused the OAuth2 access token for kira@example.test (XOAUTH2)"))
        #expect(text.contains("turns on Authenticated SMTP"))
    }

    @Test("Gmail's refusal says the token is not valid for this address; a bare 5.7.8 gets the general advice")
    func googleRefused() {
        let text = refused("535-5.7.8 Username and Password not accepted.", signIn: .oauthbearer)
        #expect(text.contains("(OAUTHBEARER)"))
        #expect(text.contains("not valid for this address"))
        #expect(refused("535 5.7.8 Error: authentication failed").contains("expired or been revoked"))
    }

    @Test("anything else: expiry, scope, tenant, in one sentence without a line break")
    func generic() {
        let text = refused(nil)
        #expect(text.contains("expired or been revoked") && text.contains("IMAP.AccessAsUser.All") && !text.contains("\n"))
        #expect(!refused("NO [AUTHENTICATIONFAILED] Authentication failed.", signIn: .password).contains("OAuth2"))
    }
}
