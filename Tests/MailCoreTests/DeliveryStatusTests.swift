import Testing
@testable import MailCore

@Suite struct DeliveryStatusTests {
    @Test func parsesBlocksAndStatusCodes() {
        let body = Array("""
            Reporting-MTA: dns; mx.example\r
            \r
            \r
            Final-Recipient: RFC822; <A@Example.org>\r
            Action: Failed\r
            Status: 5.2.2 (mailbox full)\r
            Diagnostic-Code: smtp; 552 5.2.2\r
               Mailbox full\r
            \r
            Original-Recipient: rfc822;b@example.org\r
            Final-Recipient: rfc822;b@example.org\r
            Action: delayed\r
            Status: 4.7.1\r
            \r
            garbage line without colon\r
            Final-Recipient: rfc822;c@example.org\r
            Action: failed\r
            Status: bogus\r
            """.utf8)
        let report = DeliveryStatus.parse(body)
        #expect(report.reportingMTA == "dns; mx.example")
        #expect(report.recipients.map(\.finalRecipient) == ["A@Example.org", "b@example.org", "c@example.org"])
        #expect(report.recipients.map(\.action) == ["failed", "delayed", "failed"])
        #expect(report.recipients.map(\.status) == ["5.2.2", "4.7.1", nil])
        #expect(report.recipients.first?.diagnosticCode == "smtp; 552 5.2.2 Mailbox full")
        #expect(report.recipients.dropFirst().first?.originalRecipient == "b@example.org")
    }
}
