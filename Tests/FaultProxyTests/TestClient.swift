import Foundation
import Glibc

/// A blocking line-oriented TCP client with read timeouts, for driving the proxy in tests.
final class TestClient {
    /// The result of waiting for input.
    enum Input: Equatable {
        case line(String)
        case closed
        case timedOut
    }

    private var fd: Int32
    private var pending: [UInt8] = []
    private var ended = false

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port)).bigEndian
        addr.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            close(fd)
            throw TestFailure("connect to \(port) failed")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 20_000)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends text followed by CRLF; returns false if the connection is gone.
    @discardableResult
    func send(_ line: String) -> Bool {
        let bytes = Array((line + "\r\n").utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Waits up to `seconds` for one complete line (CRLF stripped), end of stream or reset.
    func readLine(timeout seconds: Double = 2) -> Input {
        let end = Date().addingTimeInterval(seconds)
        while true {
            if let newline = pending.firstIndex(of: 10) {
                var stop = newline
                if stop > 0, pending[stop - 1] == 13 { stop -= 1 }
                let line = String(decoding: pending[0..<stop], as: UTF8.self)
                pending.removeFirst(newline + 1)
                return .line(line)
            }
            if ended || !fill() { return .closed }
            if Date() >= end { return .timedOut }
        }
    }

    /// Reads SMTP reply lines until the final one and returns it.
    func readReply(timeout seconds: Double = 2) -> Input {
        var rounds = 0
        while rounds < 100 {
            rounds += 1
            let input = readLine(timeout: seconds)
            guard case .line(let text) = input else { return input }
            let bytes = Array(text.utf8)
            if bytes.count < 4 || bytes[3] != UInt8(ascii: "-") { return input }
        }
        return .timedOut
    }

    /// Reads every byte until end of stream or reset (true) or timeout (false).
    func readToEnd(timeout seconds: Double = 2) -> (bytes: [UInt8], closed: Bool) {
        let end = Date().addingTimeInterval(seconds)
        while !ended && Date() < end {
            if !fill() { break }
        }
        let all = pending
        pending = []
        return (all, ended)
    }

    /// Reads once (bounded by the socket timeout); false once the stream has ended.
    private func fill() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            pending += buffer[0..<count]
            return true
        }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return true }
        ended = true
        return false
    }
}
