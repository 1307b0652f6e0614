import FaultProxy
import Foundation
import Testing

/// All proxy tests run one at a time so timing and descriptor counts are not disturbed by each other.
@Suite(.serialized)
struct FaultProxyTests {
    /// Greets, says EHLO and starts a transaction; returns false if any reply differs from the expected code.
    static func startSession(_ client: TestClient) -> Bool {
        guard case .line(let greeting) = client.readReply(), greeting.hasPrefix("220") else { return false }
        client.send("EHLO client.test")
        guard case .line(let ehlo) = client.readReply(), ehlo.hasPrefix("250 ") else { return false }
        return true
    }

    static func expectReply(_ client: TestClient, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let input = client.readReply()
        if case .line(let text) = input, text.hasPrefix(code) { return }
        Issue.record("expected reply \(code), got \(input)", sourceLocation: sourceLocation)
    }

    /// Sends one complete message, checks the replies up to DATA and returns what came back for ".".
    @discardableResult
    static func sendMessage(_ client: TestClient, recipient: String = "prospect@example.test") -> TestClient.Input {
        client.send("MAIL FROM:<sales@example.test>")
        expectReply(client, "250")
        client.send("RCPT TO:<\(recipient)>")
        expectReply(client, "250")
        client.send("DATA")
        expectReply(client, "354")
        client.send("Subject: hello")
        client.send("")
        client.send("MAIL FROM: this body line must not match rules")
        client.send(".")
        return client.readReply()
    }

    @Test func passesAScriptedSMTPSessionThrough() throws {
        let server = try FakeLineServer.smtp()
        let proxy = try FaultProxy(upstreamPort: server.port)
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        #expect(Self.sendMessage(client) == .line("250 2.0.0 queued as 1"))
        client.send("QUIT")
        Self.expectReply(client, "221")
        #expect(client.readLine(timeout: 10) == .closed, "the server closes after QUIT, and so does the proxy")
        #expect(server.messages == ["Subject: hello\n\nMAIL FROM: this body line must not match rules"])
        #expect(proxy.connectionsAccepted == 1)
        #expect(proxy.bytesFromClients > 100)
        #expect(proxy.bytesFromServer > 100)
        #expect(proxy.firedRules.isEmpty)
    }

    @Test func injects451ForMailFromWithoutForwarding() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(
            name: "mail451", trigger: .clientLine(prefix: "mail from"),
            action: .reply("451 4.3.0 try again later"))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("MAIL FROM:<sales@example.test>")
        #expect(client.readReply() == .line("451 4.3.0 try again later"))
        client.send("MAIL FROM:<sales@example.test>")
        Self.expectReply(client, "250")
        #expect(server.lines.filter { $0.hasPrefix("MAIL FROM") }.count == 1)
        #expect(proxy.firedRules == ["mail451"])
    }

    @Test func stopsParsingLinesOnceStartTLSIsAccepted() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "mail451", trigger: .clientLine(prefix: "MAIL FROM"), action: .reply("451 4.3.0 later"))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("STARTTLS")
        Self.expectReply(client, "220")
        client.send("MAIL FROM:<sales@example.test>")
        #expect(client.readReply() == .line("250 2.1.0 sender ok"))
        #expect(proxy.firedRules.isEmpty)
    }

    @Test func injects550OnlyForTheSecondRecipient() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(
            name: "rcpt550", trigger: .clientLine(prefix: "RCPT TO", occurrence: 2),
            action: .reply("550 5.1.1 user unknown"))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("MAIL FROM:<sales@example.test>")
        Self.expectReply(client, "250")
        client.send("RCPT TO:<a@example.test>")
        Self.expectReply(client, "250")
        client.send("RCPT TO:<b@example.test>")
        #expect(client.readReply() == .line("550 5.1.1 user unknown"))
        client.send("RCPT TO:<c@example.test>")
        Self.expectReply(client, "250")
        #expect(server.lines.filter { $0.hasPrefix("RCPT TO") } == ["RCPT TO:<a@example.test>", "RCPT TO:<c@example.test>"])
    }

    @Test func cutsTheConnectionInsteadOfForwardingData() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "dataCut", trigger: .clientLine(prefix: "DATA"), action: .cutBeforeForwarding)
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("MAIL FROM:<sales@example.test>")
        Self.expectReply(client, "250")
        client.send("RCPT TO:<prospect@example.test>")
        Self.expectReply(client, "250")
        client.send("DATA")
        #expect(client.readReply() == .closed)
        #expect(!server.lines.contains("DATA"))
        #expect(proxy.firedRules == ["dataCut"])
    }

    @Test func injectedDataRefusalKeepsTheSessionInCommandMode() throws {
        let server = try FakeLineServer.smtp()
        let rules = [
            FaultRule(name: "data554", trigger: .clientLine(prefix: "DATA"), action: .reply("554 5.7.1 rejected")),
            FaultRule(name: "rsetSeen", trigger: .clientLine(prefix: "RSET"), action: .reply("250 2.0.0 proxy saw RSET")),
        ]
        let proxy = try FaultProxy(upstreamPort: server.port, rules: rules)
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("MAIL FROM:<sales@example.test>")
        Self.expectReply(client, "250")
        client.send("RCPT TO:<prospect@example.test>")
        Self.expectReply(client, "250")
        client.send("DATA")
        #expect(client.readReply() == .line("554 5.7.1 rejected"))
        client.send("RSET")
        #expect(client.readReply() == .line("250 2.0.0 proxy saw RSET"))
        client.send("NOOP")
        Self.expectReply(client, "250")
        #expect(!server.lines.contains("DATA"))
    }

    @Test func endOfDataCutBeforeReplyLeavesTheMessageDeliveredButUnacknowledged() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "lostReply", trigger: .endOfData(), action: .cutBeforeReply)
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        #expect(Self.sendMessage(client) == .closed)
        #expect(server.waitFor { $0.messages.count == 1 })
        #expect(proxy.firedRules == ["lostReply"])
    }

    @Test func endOfDataReplyIsReplacedAfterTheServerAccepted() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "fakeRefusal", trigger: .endOfData(occurrence: 2), action: .reply("452 4.2.2 mailbox full"))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        #expect(Self.sendMessage(client) == .line("250 2.0.0 queued as 1"))
        #expect(Self.sendMessage(client) == .line("452 4.2.2 mailbox full"))
        #expect(Self.sendMessage(client) == .line("250 2.0.0 queued as 3"))
        client.send("QUIT")
        Self.expectReply(client, "221")
        #expect(server.messages.count == 3)
        #expect(proxy.firedRules == ["fakeRefusal"])
    }

    @Test func cutsAfterExactlyTenServerBytes() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "bytes", trigger: .bytesFromServer(10), action: .cutBeforeForwarding)
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        let result = client.readToEnd()
        #expect(result.closed)
        #expect(result.bytes == Array("220 fake.t".utf8))
        #expect(proxy.firedRules == ["bytes"])
    }

    @Test func cutsAfterClientBytesWithoutForwardingTheRest() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "clientBytes", trigger: .bytesFromClient(20), action: .cutBeforeReply)
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("MAIL FROM:<sales@example.test>")
        #expect(client.readReply() == .closed)
        #expect(server.lines == ["EHLO client.test"])
        #expect(proxy.bytesFromClients == 20)
    }

    @Test func stallHoldsTheConnectionUntilTheClientGivesUp() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "stall", trigger: .clientLine(prefix: "RCPT TO"), action: .stall)
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("MAIL FROM:<sales@example.test>")
        Self.expectReply(client, "250")
        client.send("RCPT TO:<prospect@example.test>")
        #expect(client.readReply(timeout: 0.3) == .timedOut)
        client.send("NOOP")
        #expect(client.readReply(timeout: 0.2) == .timedOut)
        #expect(!server.lines.contains { $0.hasPrefix("RCPT") || $0 == "NOOP" })
    }

    @Test func delaysServerChunks() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "slow", trigger: .immediately, action: .delay(milliseconds: 600))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let started = Date()
        let client = try TestClient(port: proxy.port)
        #expect(client.readReply(timeout: 0.2) == .timedOut)
        Self.expectReply(client, "220")
        #expect(Date().timeIntervalSince(started) >= 0.59)
    }

    @Test func targetsOnlyTheSecondConnection() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(name: "busy", connection: 1, trigger: .immediately, action: .reply("421 4.7.0 closing"))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let first = try TestClient(port: proxy.port)
        Self.expectReply(first, "220")
        let second = try TestClient(port: proxy.port)
        #expect(second.readReply() == .line("421 4.7.0 closing"))
        #expect(second.readReply() == .closed)
        let third = try TestClient(port: proxy.port)
        Self.expectReply(third, "220")
        #expect(proxy.connectionsAccepted == 3)
        #expect(proxy.firedRules == ["busy"])
    }

    @Test func countsOccurrencesAcrossConnections() throws {
        let server = try FakeLineServer.smtp()
        let rule = FaultRule(
            name: "secondMail", trigger: .clientLine(prefix: "MAIL FROM", occurrence: 2),
            action: .reply("421 4.7.0 closing"), countsAcrossConnections: true)
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        for expected in ["250", "421", "250"] {
            let client = try TestClient(port: proxy.port)
            #expect(Self.startSession(client))
            client.send("MAIL FROM:<sales@example.test>")
            Self.expectReply(client, expected)
        }
        #expect(proxy.firedRules == ["secondMail"])
    }

    @Test func newRulesApplyToOpenConnections() throws {
        let server = try FakeLineServer.smtp()
        let proxy = try FaultProxy(upstreamPort: server.port)
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        proxy.setRules([FaultRule(name: "late", trigger: .clientLine(prefix: "NOOP"), action: .reply("421 4.7.0 late"))])
        client.send("NOOP")
        #expect(client.readReply() == .line("421 4.7.0 late"))
    }
}
