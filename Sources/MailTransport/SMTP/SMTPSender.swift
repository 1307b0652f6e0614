import CCurl

/// Submits messages to one SMTP server over libcurl, many messages over one connection.
///
/// Each call to `send` is one SMTP transaction (`MAIL FROM`, `RCPT TO`, `DATA`); the connection,
/// its TLS session and its login stay open between calls for as long as the server allows.
/// Message bytes go out exactly as given (CRLF line endings expected); libcurl adds the
/// dot-stuffing SMTP needs, so callers must not. Not thread-safe: one owner at a time.
public final class SMTPSender {
    private let server: MailServer
    private let url: ServerURL
    private let easy: CurlEasy
    private let transcript: ProtocolTranscript
    /// How many TCP connections this sender has opened so far.
    public private(set) var connectionsOpened = 0

    /// Prepares a sender; connects lazily on the first `send` or `verify`.
    ///
    /// - Parameters:
    ///   - server: where and how to connect.
    ///   - heloName: the name announced in `EHLO` (a domain of the sender's).
    ///   - observer: receives every line of the dialogue, credentials already removed.
    public init(server: MailServer, heloName: String, observer: (@Sendable (TranscriptLine) -> Void)? = nil) throws(MailTransportError) {
        guard let url = ServerURL(server.url), url.scheme == "smtp" || url.scheme == "smtps" else {
            throw MailTransportError(kind: .invalidURL, host: server.url,
                                     detail: "\"\(server.url)\" is not an smtp:// or smtps:// URL with a host and an optional port")
        }
        guard HeaderSafety.isSafeToken(heloName) else {
            throw MailTransportError(kind: .invalidURL, host: url.host, detail: "the EHLO name \"\(heloName)\" is not a host name")
        }
        self.server = server
        self.url = url
        self.transcript = ProtocolTranscript(username: server.username, password: server.password, observer: observer)
        guard let easy = CurlEasy(transcript: transcript) else {
            throw MailTransportError(kind: .internalFailure, host: url.host, detail: "cannot create a libcurl handle")
        }
        self.easy = easy
        do {
            try easy.set(CURLOPT_URL, "\(url.base)/\(heloName)")
            try easy.configure(for: server, implicitTLS: url.scheme == "smtps")
        } catch {
            throw failure(error, command: nil)
        }
    }

    /// Connects, negotiates TLS and logs in without sending anything; throws what failed.
    public func verify() throws(MailTransportError) {
        transcript.beginOperation()
        easy.transfer.reset()
        do {
            try easy.set(CURLOPT_CONNECT_ONLY, 1)
            defer { try? easy.set(CURLOPT_CONNECT_ONLY, 0) }
            try easy.perform()
            connectionsOpened += easy.info(CURLINFO_NUM_CONNECTS)
        } catch {
            connectionsOpened += easy.info(CURLINFO_NUM_CONNECTS)
            throw failure(error, command: lastSessionCommand())
        }
    }

    /// Sends one message to `recipients` (envelope only; headers are the message's business).
    ///
    /// - Parameters:
    ///   - envelopeFrom: the `MAIL FROM` address (where bounces go); empty for the null sender `<>`.
    ///   - recipients: the `RCPT TO` addresses; if the server refuses any, nothing is sent.
    ///   - message: the complete RFC 5322 message, CRLF line endings.
    ///   - beforeData: called once the server accepted `DATA`, before the first byte of the message
    ///     goes out (e.g. to record durably that the outcome may now be unknown); returning false
    ///     aborts, and nothing is delivered.
    public func send(envelopeFrom: String, recipients: [String], message: [UInt8], beforeData: (() -> Bool)? = nil) -> SMTPSendResult {
        // An empty envelope sender is the null reverse-path `<>` that bounces use (RFC 5321 4.5.5).
        for address in (envelopeFrom.isEmpty ? [] : [envelopeFrom]) + recipients where !HeaderSafety.isSafeAddress(address) {
            return .notSent(MailTransportError(kind: .commandRefused, host: url.host, command: "MAIL FROM/RCPT TO",
                                               detail: "the address \"\(HeaderSafety.printable(address))\" cannot be used in an SMTP envelope"))
        }
        guard !recipients.isEmpty else {
            return .notSent(MailTransportError(kind: .commandRefused, host: url.host, command: "RCPT TO", detail: "no recipients"))
        }
        transcript.beginOperation()
        easy.transfer.reset(upload: message, beforeFirstUpload: beforeData)
        do {
            try easy.set(CURLOPT_MAIL_FROM, "<\(envelopeFrom)>")
            try easy.setRecipients(recipients.map { "<\($0)>" })
            try easy.set(CURLOPT_UPLOAD, 1)
            try easy.set(CURLOPT_INFILESIZE_LARGE, size: message.count)
        } catch {
            return .notSent(failure(error, command: nil))
        }
        var curlError: CurlFailure?
        do {
            try easy.perform()
        } catch {
            curlError = error
        }
        connectionsOpened += easy.info(CURLINFO_NUM_CONNECTS)
        return verdict(curlError)
    }

    /// Decides the outcome from the dialogue first (it shows what the server actually said) and
    /// from libcurl's code second.
    private func verdict(_ curlError: CurlFailure?) -> SMTPSendResult {
        let exchanges = SMTPExchange.pair(transcript.lines)
        var dataAccepted = false
        for exchange in exchanges {
            switch exchange.command {
            case .mailFrom where !exchange.reply.isPositive:
                return .refused(stage: .mailFrom, reply: exchange.reply)
            case .recipient(let address) where !exchange.reply.isPositive:
                return .refused(stage: .recipient(address), reply: exchange.reply)
            case .data:
                if !exchange.reply.isPositive { return .refused(stage: .data, reply: exchange.reply) }
                dataAccepted = true
            case .message:
                if exchange.reply.isPositive { return .accepted(exchange.reply) }
                return .refused(stage: .message, reply: exchange.reply)
            default:
                continue
            }
        }
        let error = curlError.map { failure($0, command: dataAccepted ? "DATA" : lastSessionCommand()) }
            ?? MailTransportError(kind: .protocolError, host: url.host, command: "DATA",
                                  detail: "the transfer ended without a final reply to the message")
        if dataAccepted || easy.transfer.uploadStarted {
            return .unknown(error)
        }
        return .notSent(error)
    }

    private func lastSessionCommand() -> String? {
        transcript.lines.last(where: { $0.source == .client }).map { line in
            String(line.text.split(separator: " ").first ?? Substring(line.text))
        }
    }

    private func failure(_ error: CurlFailure, command: String?) -> MailTransportError {
        let lastReply = transcript.serverLines.last
        var kind = error.kind
        // libcurl reports a refused STARTTLS as a generic error on some paths; the reply tells.
        if kind == .protocolError, command == "STARTTLS" { kind = .startTLSUnavailable }
        var failure = MailTransportError(kind: kind, host: url.host, username: server.username, command: command,
                                         reply: kind == .authenticationFailed || kind == .commandRefused || kind == .protocolError ? lastReply : nil,
                                         detail: error.bestDescription)
        failure.signIn = server.signIn
        return failure
    }
}
