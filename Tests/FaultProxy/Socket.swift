import Glibc

/// Thin wrappers over the POSIX socket calls the proxy needs (IPv4 loopback, non-blocking I/O).
enum Socket {
    /// Outcome of one non-blocking read.
    enum ReadResult {
        case data([UInt8])
        case wouldBlock
        case endOfStream
        case failed
    }

    /// Builds an IPv4 address; "localhost" means 127.0.0.1; nil if `host` is not an IPv4 literal.
    static func address(host: String, port: Int) -> sockaddr_in? {
        guard (0...65535).contains(port) else { return nil }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port)).bigEndian
        let literal = host.lowercased() == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, literal, &addr.sin_addr) == 1 else { return nil }
        return addr
    }

    /// Opens a non-blocking listener on 127.0.0.1 with an ephemeral port.
    static func makeLoopbackListener() throws(FaultProxyError) -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .socketFailed(operation: "socket", code: errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard var addr = address(host: "127.0.0.1", port: 0) else {
            close(fd)
            throw .invalidHost("127.0.0.1")
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw .socketFailed(operation: "bind", code: code)
        }
        guard listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw .socketFailed(operation: "listen", code: code)
        }
        var local = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw .socketFailed(operation: "getsockname", code: code)
        }
        setNonBlocking(fd)
        return (fd, Int(UInt16(bigEndian: local.sin_port)))
    }

    /// Accepts one pending connection as a non-blocking socket, or nil if none is pending.
    static func acceptConnection(_ listener: Int32) -> Int32? {
        let fd = accept(listener, nil, nil)
        guard fd >= 0 else { return nil }
        setNonBlocking(fd)
        return fd
    }

    /// Connects (blocking, loopback is fast) and returns a non-blocking socket, or nil on failure.
    static func connectTo(_ address: sockaddr_in) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = address
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            close(fd)
            return nil
        }
        setNonBlocking(fd)
        return fd
    }

    /// Switches a descriptor to non-blocking mode.
    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    /// Closes with SO_LINGER 0 so the peer sees a reset instead of an orderly end of stream.
    static func abort(_ fd: Int32) {
        guard fd >= 0 else { return }
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close(fd)
    }

    /// Sends what the socket accepts now; returns the count sent (0 if it would block) or -1 on error.
    static func sendSome(_ fd: Int32, _ bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if sent >= 0 { return sent }
        let code = errno
        return (code == EAGAIN || code == EWOULDBLOCK || code == EINTR) ? 0 : -1
    }

    /// Reads at most `limit` bytes without blocking.
    static func receiveSome(_ fd: Int32, limit: Int) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { return .data(Array(buffer[0..<count])) }
        if count == 0 { return .endOfStream }
        let code = errno
        return (code == EAGAIN || code == EWOULDBLOCK || code == EINTR) ? .wouldBlock : .failed
    }
}
