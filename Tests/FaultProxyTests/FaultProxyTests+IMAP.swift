import FaultProxy
import Foundation
import Testing

extension FaultProxyTests {
    @Test func injectedIMAPReplyReusesTheClientTag() throws {
        let server = try FakeLineServer.imap()
        let rule = FaultRule(
            name: "fetchNo", trigger: .imapCommand("uid fetch"), action: .reply("NO [UNAVAILABLE] injected"))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(client.readLine() == .line("* OK fake IMAP ready"))
        client.send("A004 SELECT INBOX")
        #expect(client.readLine() == .line("* 1 EXISTS"))
        #expect(client.readLine() == .line("A004 OK SELECT done"))
        client.send("A005 UID FETCH 1:* (FLAGS)")
        #expect(client.readLine() == .line("A005 NO [UNAVAILABLE] injected"))
        client.send("A006 NOOP")
        #expect(client.readLine() == .line("* 1 EXISTS"))
        #expect(client.readLine() == .line("A006 OK NOOP done"))
        #expect(server.lines == ["A004 SELECT INBOX", "A006 NOOP"])
    }

    @Test func imapCutBeforeReplyDropsTheTaggedAnswer() throws {
        let server = try FakeLineServer.imap()
        let rule = FaultRule(name: "selectCut", trigger: .imapCommand("SELECT"), action: .cutBeforeReply)
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(client.readLine() == .line("* OK fake IMAP ready"))
        client.send("A001 LOGIN sales@example.test secret")
        #expect(client.readLine() == .line("* 1 EXISTS"))
        #expect(client.readLine() == .line("A001 OK LOGIN done"))
        client.send("A002 SELECT INBOX")
        #expect(client.readLine(timeout: 10) == .closed, "the proxy waits up to 2 s for the reply it drops, longer on a loaded machine")
        #expect(server.lines.contains("A002 SELECT INBOX"))
    }

    @Test func imapLiteralContentIsNotMatched() throws {
        let server = try FakeLineServer.imap()
        let rule = FaultRule(name: "noop", trigger: .clientLine(prefix: "X1 NOOP"), action: .reply("X1 NO injected"))
        let proxy = try FaultProxy(upstreamPort: server.port, rules: [rule])
        let client = try TestClient(port: proxy.port)
        #expect(client.readLine() == .line("* OK fake IMAP ready"))
        client.send("A1 APPEND INBOX {9}")
        client.send("X1 NOOP")
        #expect(client.readLine() == .line("* 1 EXISTS"))
        #expect(client.readLine() == .line("A1 OK APPEND done"))
        #expect(client.readLine() == .line("* 1 EXISTS"))
        #expect(client.readLine() == .line("X1 OK NOOP done"))
        #expect(proxy.firedRules.isEmpty)
    }

    @Test func stopClosesListenerAndConnectionsPromptly() throws {
        let server = try FakeLineServer.smtp()
        let proxy = try FaultProxy(upstreamPort: server.port)
        let clients = try (0..<3).map { _ in try TestClient(port: proxy.port) }
        for client in clients { Self.expectReply(client, "220") }
        let started = Date()
        proxy.stop()
        #expect(Date().timeIntervalSince(started) < 1)
        for client in clients { #expect(client.readLine(timeout: 1) == .closed) }
        #expect(throws: TestFailure.self) { try TestClient(port: proxy.port) }
        // Nothing of the proxy stays open: no socket on its port, no relayed connection to the server
        // (whose side closes asynchronously after the reset). Only this process's own sockets are
        // looked at, by port, so other tests running meanwhile do not matter; the clients still hold theirs.
        let leftovers = { Self.openTCPSockets().filter { socket in
            socket.local == proxy.port || socket.remote == server.port || (socket.local == server.port && !socket.listening)
        } }
        #expect(server.waitFor(seconds: 5) { _ in leftovers().isEmpty }, "still open: \(leftovers())")
    }

    /// The TCP sockets this process holds open, read from /proc/self/fd and /proc/net/tcp.
    static func openTCPSockets() -> [(local: Int, remote: Int, listening: Bool)] {
        let files = FileManager.default
        var inodes = Set<Substring>()
        for name in (try? files.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let target = try? files.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name),
                  target.hasPrefix("socket:[") else { continue }
            inodes.insert(Substring(target).dropFirst(8).dropLast())
        }
        guard let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) else { return [] }
        // Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 9, inodes.contains(fields[9]) else { return nil }
            func port(_ address: Substring) -> Int { address.split(separator: ":").last.flatMap { Int($0, radix: 16) } ?? -1 }
            return (port(fields[1]), port(fields[2]), fields[3] == "0A")
        }
    }
}

extension FaultProxyTests {
    @Test func releasingTheProxyStopsIt() throws {
        let server = try FakeLineServer.smtp()
        var proxy: FaultProxy? = try FaultProxy(upstreamPort: server.port)
        let port = try #require(proxy?.port)
        let client = try TestClient(port: port)
        Self.expectReply(client, "220")
        proxy = nil
        #expect(client.readLine(timeout: 1) == .closed)
        #expect(throws: TestFailure.self) { try TestClient(port: port) }
    }

    @Test func relaysALargeMessageIntact() throws {
        let server = try FakeLineServer.smtp()
        let proxy = try FaultProxy(upstreamPort: server.port)
        let client = try TestClient(port: proxy.port)
        #expect(Self.startSession(client))
        client.send("MAIL FROM:<sales@example.test>")
        Self.expectReply(client, "250")
        client.send("RCPT TO:<prospect@example.test>")
        Self.expectReply(client, "250")
        client.send("DATA")
        Self.expectReply(client, "354")
        let line = String(repeating: "x", count: 98)
        for _ in 0..<20_000 { client.send(line) }
        client.send(".")
        Self.expectReply(client, "250")
        #expect(server.messages.first?.count == 20_000 * 99 - 1)
    }
}
