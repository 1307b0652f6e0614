/// A command we sent and the reply it got, reconstructed from the dialogue.
struct SMTPExchange: Sendable, Equatable {
    /// What the exchange was about.
    enum Command: Sendable, Equatable {
        /// The server's greeting on a new connection.
        case greeting
        /// `EHLO`, `HELO`, `STARTTLS`, `AUTH`, `RSET`, `QUIT` and the like.
        case session(String)
        /// `MAIL FROM`.
        case mailFrom
        /// `RCPT TO` for this address.
        case recipient(String)
        /// `DATA` (the 354 go-ahead).
        case data
        /// The end of the message data: the reply that decides acceptance.
        case message
    }

    let command: Command
    let reply: SMTPReply

    /// Pairs each server reply of one operation with the command it answers.
    ///
    /// SMTP without pipelining is strictly one reply per command, so replies pair with commands
    /// in order. A reply with no command waiting is the greeting, or, after a 354, the verdict on
    /// the message data.
    static func pair(_ lines: [TranscriptLine]) -> [SMTPExchange] {
        var exchanges: [SMTPExchange] = []
        var waiting: [Command] = []
        var awaitingMessageVerdict = false
        var replyLines: [String] = []
        for line in lines {
            switch line.source {
            case .note:
                continue
            case .client:
                waiting.append(command(for: line.text))
            case .server:
                guard let (code, isLast, text) = parse(line.text) else { continue }
                replyLines.append(text)
                guard isLast else { continue }
                let reply = SMTPReply(code: code, lines: replyLines)
                replyLines.removeAll()
                let command: Command
                if !waiting.isEmpty {
                    command = waiting.removeFirst()
                } else if awaitingMessageVerdict {
                    command = .message
                    awaitingMessageVerdict = false
                } else {
                    command = .greeting
                }
                if command == .data && reply.code == 354 { awaitingMessageVerdict = true }
                exchanges.append(SMTPExchange(command: command, reply: reply))
            }
        }
        return exchanges
    }

    private static func command(for text: String) -> Command {
        let upper = text.uppercased()
        if upper.hasPrefix("MAIL FROM:") { return .mailFrom }
        if upper.hasPrefix("RCPT TO:") {
            var address = text.dropFirst("RCPT TO:".count)
            if let close = address.firstIndex(of: ">") { address = address[..<close] }
            address = address.drop(while: { $0 == " " || $0 == "<" })
            return .recipient(String(address))
        }
        if upper == "DATA" { return .data }
        return .session(upper.split(separator: " ").first.map(String.init) ?? upper)
    }

    /// Splits `250-text` / `250 text` into code, whether it is the last line, and text.
    private static func parse(_ line: String) -> (Int, Bool, String)? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
              (200...599).contains(code) else { return nil }
        if bytes.count == 3 { return (code, true, "") }
        let separator = bytes[3]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { return nil }
        return (code, separator == UInt8(ascii: " "), String(decoding: bytes[4...], as: UTF8.self))
    }
}
