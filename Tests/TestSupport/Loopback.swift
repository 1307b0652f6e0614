import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw TCP helpers on 127.0.0.1 for tests: probing a port, and a listener that never speaks.
public enum Loopback {
    /// True when something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(port: Int) -> Bool {
        guard let fd = connected(port: port) else { return false }
        close(fd)
        return true
    }

    /// A socket connected to 127.0.0.1:`port`, for the caller to close; nil when nothing accepts there.
    public static func connected(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// A port on 127.0.0.1 where the kernel completes TCP handshakes but nobody ever answers:
    /// the shape of a hung server. Closed when the listener is deinitialised.
    public final class SilentListener: @unchecked Sendable {
        /// The port it listens on.
        public let port: Int
        private let fd: Int32

        /// Binds an ephemeral port, or returns nil when the system refuses. With `listening` false
        /// the port stays bound (no other socket can take it) but connections to it are refused.
        public init?(listening: Bool = true) {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, !listening || listen(fd, 16) == 0 else { close(fd); return nil }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            guard named == 0 else { close(fd); return nil }
            self.fd = fd
            self.port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(fd) }
    }

    /// A port on 127.0.0.1 that refuses connections, for "connection refused" tests. It stays bound
    /// (without listening) for the rest of the process, so no listener started by a test running
    /// alongside can be given the same port.
    public static func closedPort() -> Int {
        guard let socket = SilentListener(listening: false) else { return 9 }
        reserved.keep(socket)
        return socket.port
    }

    private static let reserved = Reserved()

    /// Sockets kept open until the process ends.
    private final class Reserved: @unchecked Sendable {
        private let lock = NSLock()
        private var sockets: [SilentListener] = []

        func keep(_ socket: SilentListener) {
            lock.withLock { sockets.append(socket) }
        }
    }

    /// Sends `request` (a whole HTTP/1.0 request, so the server closes when done) to 127.0.0.1:`port`
    /// and returns everything it answered, or nil when nothing listens there.
    public static func exchange(_ request: String, port: Int) -> String? {
        guard let fd = connected(port: port) else { return nil }
        defer { close(fd) }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return nil }
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// `GET url` for an `http://127.0.0.1:PORT/...` address, as a browser would visit it; the whole answer.
    public static func get(_ url: String) throws -> String {
        guard let components = URLComponents(string: url), let port = components.port, components.host == "127.0.0.1" else {
            throw RigError(description: "not a loopback address: \(url)")
        }
        let target = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        guard let answer = exchange("GET \(target) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", port: port) else {
            throw RigError(description: "nothing answers at \(url)")
        }
        return answer
    }
}
