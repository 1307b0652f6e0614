import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-shot web server on 127.0.0.1 that receives the browser's redirect at the end of an
/// OAuth2 sign-in (RFC 8252 section 7.3): it listens on a port the system picks, answers the
/// redirect with a short page, and hands over the authorization code. Loopback only.
final class LoopbackRedirect {
    private let listener: Int32
    /// The port the system gave the listener.
    let port: Int

    /// Listens on 127.0.0.1 on a free port.
    init() throws(OAuthFailure) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw OAuthFailure(kind: .unreachable, detail: "cannot open a socket for the sign-in's redirect") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw OAuthFailure(kind: .unreachable, detail: "cannot listen on 127.0.0.1 for the sign-in's redirect")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(listener)
    }

    /// Where the provider sends the browser back.
    var redirectURI: String { "http://127.0.0.1:\(port)/" }

    /// Waits for the redirect that carries `state` and returns its code. A redirect with an
    /// `error` ends the wait with that error; other requests (a browser asking for an icon) are
    /// answered 404 and ignored.
    func awaitCode(state: String, timeoutSeconds: Double, shouldStop: () -> Bool) throws(OAuthFailure) -> String {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if shouldStop() { throw OAuthFailure(kind: .denied, detail: "stopped before the sign-in finished") }
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 500) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            defer { close(client) }
            guard let target = Self.requestTarget(client) else { continue }
            let query = Self.query(of: target)
            guard query["code"] != nil || query["error"] != nil else {
                Self.answer(client, status: "404 Not Found", body: "Not here.")
                continue
            }
            guard query["state"] == state else {
                Self.answer(client, status: "400 Bad Request", body: "This sign-in was not started by this followup.")
                continue
            }
            if let error = query["error"] {
                Self.answer(client, status: "200 OK", body: "The sign-in was not completed. You can close this tab.")
                throw OAuthFailure(kind: error == "access_denied" ? .denied : .refused, detail: HeaderSafety.printable(String(error.prefix(100))))
            }
            Self.answer(client, status: "200 OK", body: "Signed in. You can close this tab and return to followup.")
            return query["code"] ?? ""
        }
        throw OAuthFailure(kind: .expired, detail: "no sign-in within \(Int(timeoutSeconds)) s")
    }

    /// The request target of a `GET` (`/?code=...`), read within two seconds; nil for anything else.
    private static func requestTarget(_ client: Int32) -> String? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(2)
        while received.count < 16_384, Date() < deadline, !received.containsHeaderEnd {
            var descriptor = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.split(separator: " ")
        guard words.count == 3, words[0] == "GET" else { return nil }
        return String(words[1])
    }

    /// The decoded query parameters of a request target.
    static func query(of target: String) -> [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1])) : ""
            result[key] = value
        }
        return result
    }

    private static func answer(_ client: Int32, status: String, body: String) {
        let html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>followup</title></head><body><p>\(body)</p></body></html>"
        let response = "HTTP/1.1 \(status)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(html.utf8.count)\r\nConnection: close\r\n\r\n\(html)"
        let bytes = Array(response.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            sent += count
        }
    }
}

private extension Array where Element == UInt8 {
    var containsHeaderEnd: Bool {
        count >= 4 && indices.dropLast(3).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
