/// The parts of a mail server URL that the transport needs: scheme, host and port.
///
/// Parsed by hand (not with Foundation's URL) so that the rules are exactly ours: a scheme we
/// support, a host, an optional port, and no user info, path or query that would be silently
/// ignored or, worse, carry a password.
public struct ServerURL: Sendable, Equatable {
    /// The scheme, lowercased: `smtp`, `smtps`, `imap` or `imaps`.
    public let scheme: String
    /// The host name or address, as written (IPv6 literals keep their brackets).
    public let host: String
    /// The port, or nil for the scheme's default.
    public let port: Int?

    /// Parses `text`, or returns nil when it is not `scheme://host[:port][/]` with a mail scheme.
    public init?(_ text: String) {
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard ["smtp", "smtps", "imap", "imaps"].contains(scheme) else { return nil }
        var rest = Substring(text[separator.upperBound...])
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains("/"), !rest.contains("@"), !rest.contains("?"),
              !rest.contains(where: { $0.isWhitespace }) else { return nil }
        var host = rest
        var port: Int?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[...close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let value = Int(after.dropFirst()) else { return nil }
                port = value
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let value = Int(rest[rest.index(after: colon)...]) else { return nil }
            port = value
        }
        if let port, !(1...65535).contains(port) { return nil }
        guard !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = String(host)
        self.port = port
    }

    /// `scheme://host:port` without a trailing slash.
    public var base: String {
        if let port { return "\(scheme)://\(host):\(port)" }
        return "\(scheme)://\(host)"
    }
}
