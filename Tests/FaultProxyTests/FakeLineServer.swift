import Foundation
import Glibc

/// A tiny line-based server on 127.0.0.1 (ephemeral port) used as the proxy's upstream in tests.
final class FakeLineServer: @unchecked Sendable {
    /// Per-connection state a responder may use.
    final class Session {
        var inData = false
        var body: [String] = []
    }

    /// What the server does with one received line.
    struct Response {
        var lines: [String]
        var close = false
    }

    typealias Responder = @Sendable (String, Session, FakeLineServer) -> Response

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private let group = DispatchGroup()
    private var stopped = false
    private var receivedLines: [String] = []
    private var storedMessages: [String] = []

    init(greeting: String, responder: @escaping Responder) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed") }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw TestFailure("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        group.enter()
        Thread { [self] in
            acceptLoop(greeting: greeting, responder: responder)
            group.leave()
        }.start()
    }

    deinit { stop() }

    var lines: [String] { lock.withLock { receivedLines } }
    var messages: [String] { lock.withLock { storedMessages } }
    private var isStopped: Bool { lock.withLock { stopped } }

    func store(message: String) { lock.withLock { storedMessages.append(message) } }

    /// Waits up to `seconds` for `condition` to hold.
    func waitFor(seconds: Double = 2, _ condition: (FakeLineServer) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition(self) { return true }
            usleep(10_000)
        }
        return condition(self)
    }

    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first { _ = group.wait(timeout: .now() + 3) }
    }

    private func acceptLoop(greeting: String, responder: @escaping Responder) {
        defer { close(listener) }
        while !isStopped {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 20) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            group.enter()
            Thread { [self] in
                serve(client, greeting: greeting, responder: responder)
                group.leave()
            }.start()
        }
    }

    private func serve(_ fd: Int32, greeting: String, responder: Responder) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 0, tv_usec: 20_000)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard write(fd, greeting + "\r\n") else { return }
        let session = Session()
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !isStopped {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
            guard count > 0 else { return }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: 10) {
                var end = newline
                if end > 0, pending[end - 1] == 13 { end -= 1 }
                let line = String(decoding: pending[0..<end], as: UTF8.self)
                pending.removeFirst(newline + 1)
                lock.withLock { receivedLines.append(line) }
                let response = responder(line, session, self)
                for reply in response.lines where !write(fd, reply + "\r\n") { return }
                if response.close { return }
            }
        }
    }

    private func write(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// An SMTP server: accepts every sender, refuses recipients containing "unknown", stores each message.
    static func smtp() throws -> FakeLineServer {
        try FakeLineServer(greeting: "220 fake.test ESMTP ready") { line, session, server in
            if session.inData {
                if line == "." {
                    session.inData = false
                    server.store(message: session.body.joined(separator: "\n"))
                    session.body = []
                    return Response(lines: ["250 2.0.0 queued as \(server.messages.count)"])
                }
                session.body.append(line)
                return Response(lines: [])
            }
            let verb = line.uppercased()
            if verb.hasPrefix("EHLO") { return Response(lines: ["250-fake.test", "250 8BITMIME"]) }
            if verb.hasPrefix("MAIL FROM") { return Response(lines: ["250 2.1.0 sender ok"]) }
            if verb.hasPrefix("RCPT TO") {
                return Response(lines: [verb.contains("UNKNOWN") ? "550 5.1.1 no such user" : "250 2.1.5 recipient ok"])
            }
            if verb == "DATA" {
                session.inData = true
                return Response(lines: ["354 send the message"])
            }
            if verb == "STARTTLS" { return Response(lines: ["220 2.0.0 pretend TLS starts now"]) }
            if verb == "QUIT" { return Response(lines: ["221 2.0.0 bye"], close: true) }
            if verb == "RSET" || verb == "NOOP" { return Response(lines: ["250 2.0.0 ok"]) }
            return Response(lines: ["502 5.5.2 unknown command"])
        }
    }

    /// An IMAP server: answers every tagged command with "<tag> OK <command> done" (plus one untagged line).
    static func imap() throws -> FakeLineServer {
        try FakeLineServer(greeting: "* OK fake IMAP ready") { line, _, _ in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return Response(lines: ["* BAD missing tag"]) }
            let command = parts[1].split(separator: " ").first.map(String.init) ?? ""
            if command.uppercased() == "LOGOUT" {
                return Response(lines: ["* BYE bye", "\(parts[0]) OK LOGOUT done"], close: true)
            }
            return Response(lines: ["* 1 EXISTS", "\(parts[0]) OK \(command) done"])
        }
    }
}

/// A test setup failure with a readable message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
