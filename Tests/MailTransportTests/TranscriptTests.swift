import Foundation
@testable import MailTransport
import Testing

@Suite("Protocol transcripts never keep credentials")
struct TranscriptTests {
    func record(_ transcript: ProtocolTranscript, _ source: TranscriptLine.Source, _ text: String) {
        Array((text + "\r\n").utf8).withUnsafeBytes { transcript.record(source, $0) }
    }

    @Test("SMTP AUTH PLAIN and AUTH LOGIN exchanges are redacted")
    func smtpAuth() {
        let password = "pa55word!"
        let transcript = ProtocolTranscript(username: "kira@example.com", password: Secret(password), observer: nil)
        let plain = Data("\0kira@example.com\0\(password)".utf8).base64EncodedString()
        record(transcript, .client, "AUTH PLAIN \(plain)")
        record(transcript, .server, "235 2.7.0 Authentication successful")
        record(transcript, .client, "AUTH LOGIN")
        record(transcript, .server, "334 VXNlcm5hbWU6")
        record(transcript, .client, Data("kira@example.com".utf8).base64EncodedString())
        record(transcript, .server, "334 UGFzc3dvcmQ6")
        record(transcript, .client, Data(password.utf8).base64EncodedString())
        record(transcript, .server, "535 5.7.8 Error: authentication failed")
        record(transcript, .client, "MAIL FROM:<kira@example.com>")
        let texts = transcript.lines.map(\.text)
        #expect(texts == ["AUTH PLAIN [redacted]", "235 2.7.0 Authentication successful", "AUTH LOGIN", "334 VXNlcm5hbWU6",
                          "[redacted]", "334 UGFzc3dvcmQ6", "[redacted]", "535 5.7.8 Error: authentication failed",
                          "MAIL FROM:<kira@example.com>"])
    }

    @Test("IMAP LOGIN and AUTHENTICATE are redacted, and a stray password anywhere is caught")
    func imapAuth() {
        let transcript = ProtocolTranscript(username: "kira", password: Secret("hunter2"), observer: nil)
        record(transcript, .client, "A001 LOGIN kira hunter2")
        record(transcript, .client, "A002 AUTHENTICATE PLAIN AGtpcmEAaHVudGVyMg==")
        record(transcript, .server, "A002 OK Logged in")
        record(transcript, .client, "A003 SELECT \"hunter2 folder\"")
        #expect(transcript.lines.map(\.text) == ["A001 LOGIN [redacted]", "A002 AUTHENTICATE PLAIN [redacted]",
                                                 "A002 OK Logged in", "[redacted]"])
    }

    @Test("IMAP literals are summarised, not kept")
    func literals() {
        let transcript = ProtocolTranscript(username: nil, password: nil, observer: nil)
        Array("* 1 FETCH (BODY[] {12}\r\nsecret text\n)\r\nA1 OK done\r\n".utf8).withUnsafeBytes { transcript.record(.server, $0) }
        #expect(transcript.lines.map(\.text) == ["* 1 FETCH (BODY[] {12} [literal of 12 bytes not shown]", ")", "A1 OK done"])
    }

    @Test("a response read by the IMAP session is kept as one line, its literals summarised and a stray password caught")
    func sessionResponses() {
        let transcript = ProtocolTranscript(username: "kira", password: Secret("hunter2"), observer: nil)
        transcript.record(serverResponse: "* 1 FETCH (UID 7 BODY[] {12})", literalSizes: [12])
        transcript.record(serverResponse: "* 2 FETCH (ENVELOPE ({3} NIL) BODY[] {40})", literalSizes: [3, 40])
        transcript.record(serverResponse: "* OK [ALERT] your password hunter2 expires", literalSizes: [])
        transcript.record(serverResponse: "F3 OK done", literalSizes: [])
        #expect(transcript.lines.map(\.text) == ["* 1 FETCH (UID 7 BODY[] {12}) [literal of 12 bytes not shown]",
                                                 "* 2 FETCH (ENVELOPE ({3} NIL) BODY[] {40}) [literal of 3 bytes, literal of 40 bytes not shown]",
                                                 "[redacted]", "F3 OK done"])
        #expect(transcript.serverLines.count == 4)
    }

    @Test("a Secret never prints its value")
    func secretPrinting() {
        let secret = Secret("topsecret")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(MailServer(url: "smtp://h", username: "u", password: secret), to: &dumped)
        #expect(!dumped.contains("topsecret"))
    }
}

@Suite("Server URLs")
struct ServerURLTests {
    @Test("valid URLs", arguments: [
        ("smtp://mail.example.com:587", "smtp", "mail.example.com", 587),
        ("SMTPS://mail.example.com", "smtps", "mail.example.com", nil),
        ("imaps://[::1]:993/", "imaps", "[::1]", 993),
    ] as [(String, String, String, Int?)])
    func valid(text: String, scheme: String, host: String, port: Int?) throws {
        let url = try #require(ServerURL(text))
        #expect(url.scheme == scheme)
        #expect(url.host == host)
        #expect(url.port == port)
    }

    @Test("URLs that would hide a mistake are rejected", arguments: [
        "http://mail.example.com", "smtp://user:pw@mail.example.com", "smtp://mail.example.com/path",
        "smtp://mail.example.com:0", "smtp://mail.example.com:99999", "smtp://", "mail.example.com", "smtp://a b",
    ])
    func invalid(text: String) {
        #expect(ServerURL(text) == nil)
    }

    @Test("loopback detection")
    func loopback() {
        #expect(MailServer(url: "smtp://127.0.0.1:25").isLoopback)
        #expect(MailServer(url: "smtp://localhost").isLoopback)
        #expect(!MailServer(url: "smtp://mail.example.com").isLoopback)
    }
}
