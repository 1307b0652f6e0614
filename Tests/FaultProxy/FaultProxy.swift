import Foundation
import Glibc

/// A loopback TCP proxy that relays each accepted connection to an upstream server and injects the configured faults.
public final class FaultProxy: @unchecked Sendable {
    private let core: ProxyCore

    /// The port the proxy listens on (127.0.0.1, chosen by the system).
    public let port: Int

    /// Starts listening on 127.0.0.1 and relaying to `upstreamHost:upstreamPort` (an IPv4 literal or "localhost").
    public init(upstreamPort: Int, upstreamHost: String = "127.0.0.1", rules: [FaultRule] = []) throws(FaultProxyError) {
        guard (1...65535).contains(upstreamPort) else { throw .invalidPort(upstreamPort) }
        guard let upstream = Socket.address(host: upstreamHost, port: upstreamPort) else {
            throw .invalidHost(upstreamHost)
        }
        let listener = try Socket.makeLoopbackListener()
        let core = ProxyCore(upstream: upstream, rules: rules)
        self.core = core
        self.port = listener.port
        guard core.enterThread() else {
            close(listener.fd)
            return
        }
        let thread = Thread {
            Self.acceptLoop(core: core, listener: listener.fd)
            core.leaveThread()
        }
        thread.name = "FaultProxy.accept"
        thread.start()
    }

    deinit {
        core.stop()
    }

    /// Replaces the rule list (counters restart for the new rules); applies to new and already open connections.
    public func setRules(_ rules: [FaultRule]) {
        core.replaceRules(rules)
    }

    /// How many client connections have been accepted so far.
    public var connectionsAccepted: Int { core.connectionsAccepted }

    /// Names of the rules that fired, in firing order (a per-connection rule appears once per connection).
    public var firedRules: [String] { core.firedRules }

    /// Total bytes received from clients over all connections.
    public var bytesFromClients: Int { core.bytesFromClient }

    /// Total bytes received from the upstream server over all connections.
    public var bytesFromServer: Int { core.bytesFromServer }

    /// Closes the listener and resets every relayed connection; returns once all proxy threads have ended.
    public func stop() {
        core.stop()
    }

    private static func acceptLoop(core: ProxyCore, listener: Int32) {
        defer { close(listener) }
        while !core.isStopped {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Relay.pollMillis) > 0 else { continue }
            var accepted = 0
            while accepted < 64, let client = Socket.acceptConnection(listener) {
                accepted += 1
                guard let index = core.admitConnection() else {
                    Socket.abort(client)
                    return
                }
                let thread = Thread {
                    Relay(core: core, index: index, clientFD: client).run()
                    core.leaveThread()
                }
                thread.name = "FaultProxy.relay.\(index)"
                thread.start()
            }
        }
    }
}
