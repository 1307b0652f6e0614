/// One fault to inject: when `trigger` happens on a matching connection, the proxy performs `action` once.
public struct FaultRule: Sendable, Equatable {
    /// What the proxy watches for before acting.
    public enum Trigger: Sendable, Equatable {
        /// A client line outside an SMTP data phase starts with `prefix` (case-insensitive); fires on the `occurrence`-th such line (1-based).
        case clientLine(prefix: String, occurrence: Int = 1)
        /// An IMAP command line whose text after the tag starts with `command` (case-insensitive); injected replies reuse the client's tag.
        case imapCommand(String, occurrence: Int = 1)
        /// The SMTP end-of-data line (exactly ".") sent after the server answered DATA with 354; fires on the `occurrence`-th message.
        case endOfData(occurrence: Int = 1)
        /// This many bytes have been received from the client; the bytes up to the threshold are forwarded first.
        case bytesFromClient(Int)
        /// This many bytes have been received from the server; the bytes up to the threshold are passed to the client first.
        case bytesFromServer(Int)
        /// As soon as the connection is accepted and connected upstream (or at the next check, for rules set later).
        case immediately
    }

    /// A direction of traffic through the proxy.
    public enum Direction: Sendable, Equatable {
        /// Bytes the client sends to the server.
        case clientToServer
        /// Bytes the server sends to the client.
        case serverToClient
    }

    /// What the proxy does when the trigger fires.
    public enum Action: Sendable, Equatable {
        /// Line triggers: drop the line and reset both sides; other triggers: reset both sides now.
        case cutBeforeForwarding
        /// Line triggers: forward the line, wait for the server's complete reply, drop it, then reset both sides; other triggers: reset now.
        case cutBeforeReply
        /// Stop forwarding in both directions (the triggering line is dropped); both sockets stay open and later input is discarded.
        case stall
        /// Stop forwarding in one direction only; a triggering line is dropped only when the client-to-server direction stalls.
        case stallOneWay(Direction)
        /// Line triggers: answer the client with this text instead of forwarding (end of data: forward, replace the server's reply); other triggers: send it and hang up.
        case reply(String)
        /// From now on, hold every server-to-client chunk this many milliseconds (clamped to 0...3_600_000) before delivering it.
        case delay(milliseconds: Int)
        /// From now on, pass server-to-client bytes on one at a time, each in its own TCP segment
        /// (line triggers forward the line first): a client must not care how its input is cut.
        case trickle
    }

    /// Name recorded in `FaultProxy.firedRules` when the rule fires.
    public var name: String
    /// Connection index (0 = first accepted) the rule applies to; nil applies to every connection.
    public var connection: Int?
    /// The event that makes the rule fire.
    public var trigger: Trigger
    /// What happens when the rule fires.
    public var action: Action
    /// When true, occurrences are counted over all connections and the rule fires once in total; otherwise once per connection.
    public var countsAcrossConnections: Bool

    /// Creates a rule; by default it applies to every connection and counts occurrences per connection.
    public init(
        name: String,
        connection: Int? = nil,
        trigger: Trigger,
        action: Action,
        countsAcrossConnections: Bool = false
    ) {
        self.name = name
        self.connection = connection
        self.trigger = trigger
        self.action = action
        self.countsAcrossConnections = countsAcrossConnections
    }
}
