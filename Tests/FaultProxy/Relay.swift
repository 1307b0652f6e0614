import Foundation
import Glibc

/// Moves bytes between one client and the upstream server on a single thread, applying fault rules.
final class Relay {
    /// Where the SMTP dialogue is, as far as the proxy needs to know.
    enum SMTPPhase {
        case command
        case awaitingDataReply
        case data
    }

    /// How the proxy recognises the end of the server's reply it is waiting for.
    enum ReplyMatcher {
        case smtpFinalLine
        case imapTagged(String)
    }

    /// What to do once the awaited server reply is complete.
    enum ReplyOutcome {
        case cut
        case replace([UInt8])
    }

    /// A server reply the proxy intercepts instead of delivering.
    struct PendingReply {
        var matcher: ReplyMatcher
        var outcome: ReplyOutcome
        var deadline: UInt64
    }

    /// Server-to-client bytes and the earliest time they may be delivered.
    struct TimedChunk {
        var due: UInt64
        var bytes: [UInt8]
    }

    static let readSize = 16_384
    static let bufferLimit = 256 * 1024
    static let maxLineLength = 65_536
    static let pollMillis: Int32 = 25
    static let replyWaitNanos: UInt64 = 2_000_000_000
    static let hangupWaitNanos: UInt64 = 1_000_000_000

    let core: ProxyCore
    let index: Int
    var clientFD: Int32
    var serverFD: Int32 = -1
    var ruleState = LocalRuleState()
    var alive = true

    var clientReadOpen = true
    var serverReadOpen = true
    var clientWriteShut = false
    var serverWriteShut = false
    var stallClientToServer = false
    var stallServerToClient = false
    var delayNanos: UInt64 = 0
    /// Set by a `trickle` rule: each byte for the client goes out alone.
    var trickling = false
    var hangupDeadline: UInt64?

    var toServer: [UInt8] = []
    var toClient: [TimedChunk] = []
    var toClientCount = 0
    var clientLine: [UInt8] = []
    var serverLine: [UInt8] = []
    var phase = SMTPPhase.command
    var literalRemaining = 0
    var pendingReply: PendingReply?
    /// Set while a STARTTLS command awaits its reply; a positive reply makes the stream opaque.
    var pendingStartTLS: ReplyMatcher?
    /// True once TLS may have started: lines are no longer parsed, only byte rules and timing rules apply.
    var opaque = false
    var receivedFromClient = 0
    var receivedFromServer = 0

    init(core: ProxyCore, index: Int, clientFD: Int32) {
        self.core = core
        self.index = index
        self.clientFD = clientFD
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs until either side finishes, a rule cuts the connection, or the proxy stops.
    func run() {
        defer { closeBoth(resetting: false) }
        guard let upstream = Socket.connectTo(core.upstream) else {
            Socket.abort(clientFD)
            clientFD = -1
            return
        }
        serverFD = upstream
        var iterations = 0
        while alive {
            iterations &+= 1
            if core.isStopped {
                cut(flushing: false)
                return
            }
            if let rule = core.match(.connected, connection: index, local: &ruleState) {
                applyOutsideLine(rule)
            }
            checkDeadlines()
            guard alive else { return }
            shutDownIdleDirections()
            if !clientReadOpen && !serverReadOpen && toServer.isEmpty && toClient.isEmpty {
                return
            }
            pollOnce()
        }
    }

    private func checkDeadlines() {
        let now = Self.now()
        if let pending = pendingReply, now >= pending.deadline {
            pendingReply = nil
            resolve(pending)
        }
        if let deadline = hangupDeadline, now >= deadline {
            closeBoth(resetting: false)
        }
    }

    /// Passes an end of stream on once everything read before it has been delivered.
    private func shutDownIdleDirections() {
        if !clientReadOpen, !serverWriteShut, toServer.isEmpty, serverFD >= 0 {
            _ = shutdown(serverFD, Int32(SHUT_WR))
            serverWriteShut = true
        }
        if !serverReadOpen, !clientWriteShut, toClient.isEmpty, clientFD >= 0 {
            _ = shutdown(clientFD, Int32(SHUT_WR))
            clientWriteShut = true
        }
    }

    private func pollOnce() {
        let now = Self.now()
        var clientEvents: Int16 = 0
        var serverEvents: Int16 = 0
        if clientReadOpen && (stallClientToServer || toServer.count < Self.bufferLimit) {
            clientEvents |= Int16(POLLIN)
        }
        if let first = toClient.first, first.due <= now { clientEvents |= Int16(POLLOUT) }
        if serverFD >= 0 {
            if serverReadOpen && (stallServerToClient || toClientCount < Self.bufferLimit) {
                serverEvents |= Int16(POLLIN)
            }
            if !toServer.isEmpty { serverEvents |= Int16(POLLOUT) }
        }
        var timeout = Self.pollMillis
        if let first = toClient.first, first.due > now {
            timeout = Int32(min(UInt64(timeout), (first.due - now) / 1_000_000 + 1))
        }
        var fds = [
            pollfd(fd: clientFD, events: clientEvents, revents: 0),
            pollfd(fd: serverFD, events: serverEvents, revents: 0),
        ]
        guard poll(&fds, 2, timeout) > 0 else { return }
        let clientReady = fds[0].revents
        let serverReady = fds[1].revents
        if (clientReady | serverReady) & Int16(POLLERR | POLLNVAL) != 0 {
            cut(flushing: false)
            return
        }
        if clientReady & Int16(POLLOUT) != 0 { flushToClient(ignoringDelay: false) }
        if alive, serverReady & Int16(POLLOUT) != 0 { flushToServer() }
        let readable = Int16(POLLIN | POLLHUP)
        if alive, clientReady & readable != 0 {
            if clientReadOpen { readFromClient() } else { closeBoth(resetting: false) }
        }
        if alive, serverReady & readable != 0 {
            if serverReadOpen { readFromServer() } else { closeBoth(resetting: false) }
        }
    }

    private func readFromClient() {
        switch Socket.receiveSome(clientFD, limit: Self.readSize) {
        case .data(let bytes): handleClientBytes(bytes)
        case .wouldBlock: break
        case .endOfStream:
            clientReadOpen = false
            if !stallClientToServer { toServer += clientLine }
            clientLine = []
        case .failed: cut(flushing: false)
        }
    }

    private func readFromServer() {
        switch Socket.receiveSome(serverFD, limit: Self.readSize) {
        case .data(let bytes): handleServerBytes(bytes)
        case .wouldBlock: break
        case .endOfStream:
            serverReadOpen = false
            if let pending = pendingReply {
                pendingReply = nil
                resolve(pending)
            }
            if alive, !stallServerToClient, !serverLine.isEmpty { enqueueToClient(serverLine) }
            serverLine = []
        case .failed: cut(flushing: false)
        }
    }

    /// Appends bytes for the client, never earlier than anything queued before them.
    func enqueueToClient<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let chunk = Array(bytes)
        guard !chunk.isEmpty else { return }
        let due = max(Self.now() + delayNanos, toClient.last?.due ?? 0)
        if trickling {
            toClient.append(contentsOf: chunk.map { TimedChunk(due: due, bytes: [$0]) })
        } else {
            toClient.append(TimedChunk(due: due, bytes: chunk))
        }
        toClientCount += chunk.count
    }

    /// Turns off Nagle's algorithm towards the client and sends every later byte on its own.
    func startTrickling() {
        trickling = true
        var on: Int32 = 1
        _ = setsockopt(clientFD, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    func flushToClient(ignoringDelay: Bool) {
        let now = Self.now()
        var rounds = 0
        while alive, rounds < 1024, let first = toClient.first, ignoringDelay || first.due <= now {
            rounds += 1
            let sent = Socket.sendSome(clientFD, first.bytes)
            if sent < 0 {
                cut(flushing: false)
                return
            }
            toClientCount -= sent
            if sent < first.bytes.count {
                toClient[0].bytes.removeFirst(sent)
                return
            }
            toClient.removeFirst()
            // A pause between single bytes, so that each leaves in its own segment.
            if trickling { usleep(50) }
        }
    }

    func flushToServer() {
        guard serverFD >= 0 else {
            toServer = []
            return
        }
        let sent = Socket.sendSome(serverFD, toServer)
        if sent < 0 {
            cut(flushing: false)
            return
        }
        toServer.removeFirst(sent)
    }

    /// Delivers what was already forwarded (best effort), then resets both sides.
    func cut(flushing: Bool) {
        guard alive else { return }
        if flushing {
            flushToServer()
            flushToClient(ignoringDelay: true)
        }
        closeBoth(resetting: true)
    }

    /// Closes both sockets (with a reset if asked) and ends the relay loop.
    func closeBoth(resetting: Bool) {
        alive = false
        for fd in [clientFD, serverFD] where fd >= 0 {
            if resetting { Socket.abort(fd) } else { close(fd) }
        }
        clientFD = -1
        serverFD = -1
        toServer = []
        toClient = []
        toClientCount = 0
    }

    /// Closes the upstream side and lets the client read what is queued before the proxy hangs up.
    func hangUpUpstream() {
        if serverFD >= 0 { close(serverFD) }
        serverFD = -1
        serverReadOpen = false
        serverWriteShut = true
        toServer = []
        stallClientToServer = true
        hangupDeadline = Self.now() + Self.hangupWaitNanos
    }
}
