/// Why a proxy could not be started.
public enum FaultProxyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The upstream host is not an IPv4 address (or "localhost").
    case invalidHost(String)
    /// The upstream port is outside 1...65535.
    case invalidPort(Int)
    /// A socket call failed with the given errno.
    case socketFailed(operation: String, code: Int32)

    /// One actionable sentence describing the failure.
    public var description: String {
        switch self {
        case .invalidHost(let host):
            return "Upstream host '\(host)' is not an IPv4 address; pass a literal such as 127.0.0.1."
        case .invalidPort(let port):
            return "Upstream port \(port) is outside 1...65535; pass the port the real server listens on."
        case .socketFailed(let operation, let code):
            return "Socket call \(operation) failed with errno \(code); check that loopback sockets are available."
        }
    }
}
