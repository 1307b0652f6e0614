import Foundation
import Testing
@testable import MailCore

/// What a fixture under Fixtures/messages must parse to (NAME.expected.json beside NAME.eml).
struct FixtureExpectation: Decodable {
    struct Recipient: Decodable {
        var finalRecipient: String
        var action: String
        var status: String
        var diagnosticCodeContains: String?
    }

    var subject: String?
    var from: String?
    var fromName: String?
    var to: [String]?
    var bestTextPrefix: String?
    var bestTextContains: String?
    var inReplyTo: [String]?
    var messageID: String?
    var dsn: [Recipient]?
    var reportingMTA: String?
    var noDSN: Bool?
    var attachedSubject: String?
    var attachedMessageID: String?
    var headers: [String: String]?
}

@Suite struct FixtureMessageTests {
    static let names: [String] = (try? FixtureFiles.names(in: "messages", withExtension: "eml")) ?? []

    @Test func fixtureSetIsPresent() {
        #expect(Self.names.count >= 20)
    }

    @Test(arguments: names)
    func parsesAsExpected(name: String) throws {
        let message = MessageReader.parse(try FixtureFiles.bytes("messages/\(name).eml"))
        let expected = try JSONDecoder().decode(FixtureExpectation.self, from: Data(try FixtureFiles.bytes("messages/\(name).expected.json")))
        #expect(message.subject == expected.subject)
        #expect(message.from?.address == expected.from)
        if let name = expected.fromName { #expect(message.from?.displayName == name) }
        if let to = expected.to { #expect(message.to.map(\.address) == to) }
        if let prefix = expected.bestTextPrefix {
            #expect(message.bestText.hasPrefix(prefix), "bestText was \(message.bestText.debugDescription)")
        }
        if let contained = expected.bestTextContains {
            #expect(message.bestText.contains(contained), "bestText was \(message.bestText.debugDescription)")
        }
        if let ids = expected.inReplyTo { #expect(message.inReplyTo == ids) }
        if let id = expected.messageID { #expect(message.messageID == id) }
        if let recipients = expected.dsn {
            let report = try #require(message.deliveryStatus)
            #expect(report.recipients.count == recipients.count)
            for (got, want) in zip(report.recipients, recipients) {
                #expect(got.finalRecipient == want.finalRecipient)
                #expect(got.action == want.action)
                #expect(got.status == want.status)
                if let text = want.diagnosticCodeContains {
                    #expect(got.diagnosticCode?.contains(text) == true, "diagnostic was \(String(describing: got.diagnosticCode))")
                }
            }
        }
        if let mta = expected.reportingMTA { #expect(message.deliveryStatus?.reportingMTA == mta) }
        if expected.noDSN == true { #expect(message.deliveryStatus == nil) }
        if let subject = expected.attachedSubject { #expect(message.attachedMessages.first?.subject == subject) }
        if let id = expected.attachedMessageID { #expect(message.attachedMessages.first?.messageID == id) }
        for (header, value) in expected.headers ?? [:] { #expect(message.header(header) == value) }
    }
}
