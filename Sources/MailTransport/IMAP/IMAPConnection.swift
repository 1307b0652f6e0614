import CCurl
import Foundation

/// One signed-in IMAP connection, carried by libcurl and spoken by us.
///
/// libcurl connects, verifies TLS (implicit or STARTTLS) and signs in, with `CURLOPT_CONNECT_ONLY`
/// so that it stops there; from then on commands go out through `curl_easy_send` and responses
/// come back through `curl_easy_recv`, read by an `IMAPResponseReader`. Commands may be pipelined:
/// `run` sends them back to back and reads until each one is complete. Not thread-safe.
final class IMAPConnection {
    /// Why the connection cannot go on; the owner drops it and opens a new one for the next call.
    enum Failure: Error {
        /// Nothing arrived for the inactivity limit (seconds).
        case timedOut(seconds: Int)
        /// The server closed the connection; `bye` is its `* BYE` text, when it said one.
        case closed(bye: String?)
        /// libcurl could not send or receive (a broken connection, a TLS failure).
        case transfer(CurlFailure)
        /// The server sent something that is not IMAP, or more than we accept.
        case unreadable(String)
    }

    /// The outcome of one command: `OK`, `NO` or `BAD` and the rest of its tagged line.
    struct Completion {
        /// The command as sent (without its tag).
        let command: String
        /// `OK`, `NO` or `BAD`, uppercased.
        let status: String
        /// The completion's text after the tag, e.g. `NO [NONEXISTENT] Mailbox doesn't exist`.
        let text: String
    }

    /// What a pipeline of commands brought back. The untagged responses are kept together, in
    /// order of arrival: a server may answer pipelined commands in any interleaving (Dovecot sends
    /// a `SEARCH` result before the completion of the `NOOP` sent ahead of it), so they cannot be
    /// told apart by position.
    struct Exchange {
        /// One completion per command, in the order the commands were sent.
        let completions: [Completion]
        /// Every untagged response (and continuation) received meanwhile.
        let untagged: [IMAPResponse]
    }

    private let easy: CurlEasy
    private let socket: Int32
    private let transcript: ProtocolTranscript
    /// Seconds without a byte from the server before a read gives up.
    private let inactivitySeconds: Int
    private var reader = IMAPResponseReader()
    private var receiveBuffer = [UInt8](repeating: 0, count: 256 * 1024)
    private var tagNumber = 0
    private var bye: String?

    /// Takes over the connection `easy` opened with `CURLOPT_CONNECT_ONLY`; nil when libcurl
    /// has no open socket to hand over.
    init?(easy: CurlEasy, transcript: ProtocolTranscript, inactivitySeconds: Int) {
        guard let socket = easy.activeSocket() else { return nil }
        self.easy = easy
        self.socket = socket
        self.transcript = transcript
        self.inactivitySeconds = max(1, inactivitySeconds)
    }

    /// Sends `commands` back to back and returns their completions in order, once all are complete.
    /// A refused command (`NO`, `BAD`) is a completion like any other; the caller decides.
    ///
    /// With `deliver`, the untagged responses are handed over as they come instead of being kept:
    /// at each completion, `deliver(index, responses)` gets that command's index and everything
    /// untagged since the previous completion, so the caller works on what arrived while the rest
    /// is on its way. (A server that works on several pipelined commands at once, as Dovecot does,
    /// sends several commands' worth before their completions: one call gets it all, the next
    /// calls get nothing.)
    func run(_ commands: [String], deliver: ((Int, [IMAPResponse]) -> Void)? = nil) throws(Failure) -> Exchange {
        var tags: [String] = []
        var outgoing: [UInt8] = []
        for command in commands {
            let tag = newTag()
            tags.append(tag)
            let line = "\(tag) \(command)\r\n"
            outgoing.append(contentsOf: line.utf8)
            record(line)
        }
        try write(outgoing)
        var completions = [Completion?](repeating: nil, count: commands.count)
        var remaining = commands.count
        var untagged: [IMAPResponse] = []
        while remaining > 0 {
            let response = try nextResponse()
            switch response.kind {
            case .untagged, .continuation:
                untagged.append(response)
            case .tagged(let tag):
                guard let index = tags.firstIndex(of: tag), completions[index] == nil else {
                    throw .unreadable("a completion for the unknown tag \"\(HeaderSafety.printable(String(tag.prefix(20))))\"")
                }
                completions[index] = Completion(command: commands[index], status: response.status ?? "", text: response.text)
                remaining -= 1
                if let deliver {
                    deliver(index, untagged)
                    untagged.removeAll()
                }
            }
        }
        return Exchange(completions: completions.compactMap { $0 }, untagged: untagged)
    }

    /// Runs a command that ends in a literal (`APPEND box (flags) {N}`): sends the command, waits
    /// for the server's go-ahead, then sends `literal`. A refusal before the go-ahead is returned
    /// as the completion, and the literal is not sent.
    func run(_ command: String, literal: [UInt8]) throws(Failure) -> Completion {
        let tag = newTag()
        let line = "\(tag) \(command) {\(literal.count)}\r\n"
        record(line)
        try write(Array(line.utf8))
        var literalSent = false
        while true {
            let response = try nextResponse()
            switch response.kind {
            case .continuation where !literalSent:
                try write(literal + Array("\r\n".utf8))
                literalSent = true
            case .untagged, .continuation:
                continue
            case .tagged(let received) where received == tag:
                return Completion(command: command, status: response.status ?? "", text: response.text)
            case .tagged(let other):
                throw .unreadable("a completion for the unknown tag \"\(HeaderSafety.printable(String(other.prefix(20))))\"")
            }
        }
    }

    /// `IDLE` (RFC 2177): waits up to `seconds` for the server to announce a change in the selected
    /// mailbox, or until `stop` answers true (asked twice a second), then ends the IDLE. Returns
    /// the untagged responses announced (empty when nothing happened), or nil when the server
    /// refused IDLE.
    func idle(seconds: Double, stop: () -> Bool) throws(Failure) -> [IMAPResponse]? {
        let tag = newTag()
        let line = "\(tag) IDLE\r\n"
        record(line)
        try write(Array(line.utf8))
        var announced: [IMAPResponse] = []
        // The go-ahead, or a refusal.
        while true {
            let response = try nextResponse()
            if response.kind == .continuation { break }
            if case .tagged = response.kind { return nil }
            announced.append(response)
        }
        let deadline = Self.now() + max(0, seconds)
        while announced.isEmpty && !stop() {
            let left = deadline - Self.now()
            guard left > 0 else { break }
            if let first = try nextResponse(within: min(left, 0.5)) { announced.append(first) }
        }
        record("DONE\r\n")
        try write(Array("DONE\r\n".utf8))
        while true {
            let response = try nextResponse()
            if case .tagged = response.kind { return announced }
            announced.append(response)
        }
    }

    /// Puts one of our command lines in the transcript (which redacts what must not be shown).
    private func record(_ line: String) {
        Array(line.utf8).withUnsafeBytes { transcript.record(.client, $0) }
    }

    private func newTag() -> String {
        tagNumber += 1
        return "F\(tagNumber)"
    }

    /// The next whole response, waiting at most the inactivity limit between bytes.
    private func nextResponse() throws(Failure) -> IMAPResponse {
        while true {
            if let response = try parsed() { return response }
            try receive(waitingAtMost: Double(inactivitySeconds))
        }
    }

    /// The next whole response if one arrives within `seconds`, else nil.
    private func nextResponse(within seconds: Double) throws(Failure) -> IMAPResponse? {
        let deadline = Self.now() + max(0, seconds)
        while true {
            if let response = try parsed() { return response }
            let left = deadline - Self.now()
            guard left > 0 else { return nil }
            do {
                try receive(waitingAtMost: left)
            } catch .timedOut {
                return nil
            }
        }
    }

    private func parsed() throws(Failure) -> IMAPResponse? {
        let response: IMAPResponse?
        do {
            response = try reader.next()
        } catch {
            switch error {
            case .lineTooLong(let size): throw .unreadable("a response line of more than \(size) bytes")
            case .literalTooLarge(let size): throw .unreadable("a literal of \(size) bytes, more than we read at once")
            }
        }
        guard let response else { return nil }
        let prefix: String
        switch response.kind {
        case .untagged:
            prefix = "* "
            if response.text.utf8.prefix(3).map({ $0 | 0x20 }) == Array("bye".utf8) { bye = response.text }
        case .continuation: prefix = "+ "
        case .tagged(let tag): prefix = tag + " "
        }
        transcript.record(serverResponse: prefix + response.text, literalSizes: response.literals.map(\.count))
        return response
    }

    /// Reads what has arrived into the reader, waiting up to `seconds` for the first byte.
    private func receive(waitingAtMost seconds: Double) throws(Failure) {
        let deadline = Self.now() + seconds
        while true {
            if try receiveAvailable() { return }
            let left = deadline - Self.now()
            guard left > 0 else { throw .timedOut(seconds: Int(seconds.rounded(.up))) }
            wait(for: Int16(POLLIN), seconds: left)
        }
    }

    /// Reads what has already arrived into the reader without waiting; false when nothing had.
    private func receiveAvailable() throws(Failure) -> Bool {
        let (code, count) = receiveBuffer.withUnsafeMutableBytes { easy.receive(into: $0) }
        if code == CURLE_OK {
            guard count > 0 else { throw .closed(bye: bye) }
            receiveBuffer.withUnsafeBytes { bytes in
                let slice = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
                reader.append(slice)
            }
            return true
        }
        guard code == CURLE_AGAIN else {
            if bye != nil { throw .closed(bye: bye) }
            throw .transfer(CurlFailure(code: code, detail: ""))
        }
        return false
    }

    /// Sends all of `bytes`. While the socket is full, reads what the server sends meanwhile, so
    /// that a long pipeline cannot leave both sides waiting for the other to read.
    private func write(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        var lastProgress = Self.now()
        while offset < bytes.count {
            let (code, sent) = bytes.withUnsafeBytes { easy.send(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            if code == CURLE_OK {
                offset += sent
                lastProgress = Self.now()
                continue
            }
            guard code == CURLE_AGAIN else {
                throw .transfer(CurlFailure(code: code, detail: ""))
            }
            let left = lastProgress + Double(inactivitySeconds) - Self.now()
            guard left > 0 else { throw .timedOut(seconds: inactivitySeconds) }
            let ready = wait(for: Int16(POLLOUT | POLLIN), seconds: left)
            if ready & Int16(POLLIN) != 0, try receiveAvailable() {
                lastProgress = Self.now()
            }
        }
    }

    /// Waits until the socket is ready for `events` or `seconds` pass; returns the ready events.
    @discardableResult
    private func wait(for events: Int16, seconds: Double) -> Int16 {
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let milliseconds = Int32(min(max(seconds * 1000, 1), Double(Int32.max)))
        guard poll(&descriptor, 1, milliseconds) > 0 else { return 0 }
        return descriptor.revents
    }

    /// Seconds on a clock that only moves forward (not the wall clock a test may move).
    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
