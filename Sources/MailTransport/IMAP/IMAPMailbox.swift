import CCurl
public import Foundation

/// One IMAP mailbox on one server, reached through a session kept open between calls.
///
/// libcurl opens the connection, verifies TLS and signs in; the IMAP commands after that are our
/// own (`IMAPConnection`), read with a parser that takes every literal by its announced size, so
/// nothing a message says can end a response. Reads never change the mailbox: messages are
/// fetched with `BODY.PEEK[]`, so nothing becomes `\Seen`. A session that fails is dropped and
/// the next call opens a new one. Not thread-safe: one owner at a time.
public final class IMAPMailbox {
    private let server: MailServer
    private let url: ServerURL
    private let transcript: ProtocolTranscript
    /// The open session, if any, and the libcurl handle that carries it.
    private var connection: IMAPConnection?
    private var easy: CurlEasy?
    /// True once this session has selected `mailbox`.
    private var selected = false
    /// The server's capabilities after sign-in (asked for once per session, when needed).
    private var capabilities: Set<String>?
    /// The mailbox this client reads, e.g. `INBOX`.
    public let mailbox: String
    /// How many TCP connections this client has opened so far.
    public private(set) var connectionsOpened = 0
    /// `UIDVALIDITY` as the last `SELECT` of this client reported it.
    public private(set) var selectedUIDValidity: UInt32?

    /// Prepares a client for `mailbox`; connects lazily on the first call.
    public init(server: MailServer, mailbox: String, observer: (@Sendable (TranscriptLine) -> Void)? = nil) throws(MailTransportError) {
        guard let url = ServerURL(server.url), url.scheme == "imap" || url.scheme == "imaps" else {
            throw MailTransportError(kind: .invalidURL, host: server.url,
                                     detail: "\"\(server.url)\" is not an imap:// or imaps:// URL with a host and an optional port")
        }
        guard IMAPSyntax.isValidMailboxName(mailbox) else {
            throw MailTransportError(kind: .invalidURL, host: url.host,
                                     detail: "the mailbox name \"\(HeaderSafety.printable(mailbox))\" is empty or has control characters")
        }
        self.server = server
        self.url = url
        self.mailbox = mailbox
        self.transcript = ProtocolTranscript(username: server.username, password: server.password, observer: observer)
    }

    /// Connects, logs in and checks that the mailbox exists; throws what failed.
    public func verify() throws(MailTransportError) {
        _ = try status()
    }

    /// `STATUS` of the mailbox: cheap whatever the mailbox's size.
    public func status() throws(MailTransportError) -> MailboxStatus {
        let exchange = try run(["STATUS \(IMAPSyntax.quoted(mailbox)) (MESSAGES UIDNEXT UIDVALIDITY)"], selecting: false)
        for response in exchange.untagged where response.kind == .untagged && response.text.uppercased().hasPrefix("STATUS ") {
            if let status = MailboxStatus.parse(response.text) { return status }
        }
        throw MailTransportError(kind: .protocolError, host: url.host, command: "STATUS",
                                 detail: "no STATUS response with UIDNEXT and UIDVALIDITY")
    }

    /// The UIDs of messages whose UID is at least `first`, in ascending order.
    ///
    /// Sends `NOOP` first, so that a kept session sees mail that arrived since its last command.
    public func uids(from first: UInt32) throws(MailTransportError) -> [UInt32] {
        // `n:*` always matches the highest UID, even when it is below n.
        try search("UID \(max(first, 1)):*").filter { $0 >= first }
    }

    /// The UIDs of messages whose header `field` contains `value` (e.g. a Message-ID).
    public func uids(header field: String, contains value: String) throws(MailTransportError) -> [UInt32] {
        guard IMAPSyntax.isAtom(field), let quotedValue = IMAPSyntax.quotedIfSafe(value) else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "UID SEARCH",
                                     detail: "the search term \"\(HeaderSafety.printable(value))\" cannot be sent to the server")
        }
        return try search("HEADER \(field) \(quotedValue)")
    }

    /// The UIDs of messages from `address` that arrived, or are dated, on or after the day of
    /// `date` (UTC): the last check before a follow-up. Either date counts, so that neither a
    /// server clock nor a sender's clock can hide a reply.
    public func uids(from address: String, since date: Date) throws(MailTransportError) -> [UInt32] {
        guard let quotedAddress = IMAPSyntax.quotedIfSafe(address) else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "UID SEARCH",
                                     detail: "the address \"\(HeaderSafety.printable(address))\" cannot be sent to the server")
        }
        let day = IMAPSyntax.searchDate(date)
        return try search("OR SINCE \(day) SENTSINCE \(day) FROM \(quotedAddress)")
    }

    /// The UIDs of messages that arrived (by the server's clock) or are dated on or after the day of `date`.
    public func uids(since date: Date) throws(MailTransportError) -> [UInt32] {
        let day = IMAPSyntax.searchDate(date)
        return try search("OR SINCE \(day) SENTSINCE \(day)")
    }

    /// `UID SEARCH criteria`; the UIDs in ascending order. The answer is read whole however long
    /// it is. A session that selected the mailbox earlier sends `NOOP` first and waits for it, so
    /// that the search sees what other clients delivered or removed meanwhile (pipelined, Dovecot
    /// may run the search before the `NOOP` brought the session's view up to date).
    private func search(_ criteria: String) throws(MailTransportError) -> [UInt32] {
        if selected && connection != nil { try run(["NOOP"], selecting: true) }
        let exchange = try run(["UID SEARCH \(criteria)"], selecting: true)
        var uids: [UInt32] = []
        for response in exchange.untagged where response.kind == .untagged {
            let words = response.text.split(separator: " ")
            guard words.first?.uppercased() == "SEARCH" else { continue }
            uids.append(contentsOf: words.dropFirst().compactMap { UInt32($0) })
        }
        return uids.sorted()
    }

    /// The messages with these UIDs, byte for byte, without marking them `\Seen`.
    ///
    /// UIDs that no longer exist are skipped. The commands (`batchSize` UIDs each) are pipelined:
    /// all go out at once and the messages stream back. A message larger than
    /// `maxBytesPerMessage` arrives cut after that many bytes (its beginning: headers and, in
    /// practice, the text people write, before any attachments); only that much is transferred.
    public func fetch(uids: [UInt32], batchSize: Int = 50, maxBytesPerMessage: Int = .max) throws(MailTransportError) -> [FetchedMessage] {
        guard !uids.isEmpty else { return [] }
        let limit = max(1, maxBytesPerMessage)
        let body = limit < Int(UInt32.max) ? "BODY.PEEK[]<0.\(limit)>" : "BODY.PEEK[]"
        let wanted = Set(uids)
        var commands: [String] = []
        for batch in Self.uidSets(uids, size: batchSize) {
            commands.append("UID FETCH \(batch) (UID FLAGS \(body))")
        }
        var messages: [UInt32: FetchedMessage] = [:]
        for response in try run(commands, selecting: true).untagged where response.kind == .untagged {
            guard let item = IMAPFetchItem(response), let uid = item.uid, wanted.contains(uid), let bytes = item.body else { continue }
            messages[uid] = FetchedMessage(uid: uid, bytes: bytes, flags: item.flags)
        }
        return messages.keys.sorted().compactMap { messages[$0] }
    }

    /// The header fields named in `fields` of the messages with these UIDs, as header blocks
    /// (`BODY.PEEK[HEADER.FIELDS (...)]`: nothing is marked `\Seen`, and servers such as Dovecot
    /// answer from their cache without opening the messages). A message without any of them
    /// arrives as an empty block.
    ///
    /// The commands (`batchSize` UIDs each) go out at once, and `each` gets the messages that
    /// arrived (by UID) whenever a command completes, while the server sends the next ones: work
    /// done in `each` overlaps the transfer. Every message comes once; UIDs that no longer exist
    /// are skipped. A header block longer than `maxBytesPerMessage` (256 KiB) arrives cut there.
    public func fetchHeaders(_ fields: [String], uids: [UInt32], batchSize: Int = 250, maxBytesPerMessage: Int = 256 << 10,
                             each: ([FetchedMessage]) -> Void) throws(MailTransportError) {
        guard !uids.isEmpty else { return }
        let names = fields.filter { name in !name.isEmpty && name.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != 58 } }
        let wanted = Set(uids)
        var commands: [String] = []
        for batch in Self.uidSets(uids, size: batchSize) {
            commands.append("UID FETCH \(batch) (UID BODY.PEEK[HEADER.FIELDS (\(names.joined(separator: " ").uppercased()))]<0.\(max(1, maxBytesPerMessage))>)")
        }
        try withoutActuallyEscaping(each) { each throws(MailTransportError) in
            _ = try run(commands, selecting: true) { responses in
                var messages: [UInt32: FetchedMessage] = [:]
                for response in responses where response.kind == .untagged {
                    // A FETCH without the section is the server telling of a flag change, not an answer.
                    guard let item = IMAPFetchItem(response), let uid = item.uid, wanted.contains(uid), let bytes = item.body else { continue }
                    messages[uid] = FetchedMessage(uid: uid, bytes: bytes, flags: item.flags)
                }
                if !messages.isEmpty { each(messages.keys.sorted().compactMap { messages[$0] }) }
            }
        }
    }

    /// The flags of the messages with these UIDs.
    public func flags(uids: [UInt32]) throws(MailTransportError) -> [UInt32: [String]] {
        guard !uids.isEmpty else { return [:] }
        var result: [UInt32: [String]] = [:]
        let commands = Self.uidSets(uids, size: 500).map { "UID FETCH \($0) (UID FLAGS)" }
        for response in try run(commands, selecting: true).untagged where response.kind == .untagged {
            if let item = IMAPFetchItem(response), let uid = item.uid { result[uid] = item.flags }
        }
        return result
    }

    /// Stores `message` in `target` (e.g. `Sent`) and returns its UID when the server reports it
    /// (`APPENDUID`, RFC 4315). The message is stored `\Seen` unless `seen` is false.
    @discardableResult
    public func append(_ message: [UInt8], to target: String, seen: Bool = true) throws(MailTransportError) -> UInt32? {
        guard IMAPSyntax.isValidMailboxName(target), let name = IMAPSyntax.quotedIfSafe(target) else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "APPEND",
                                     detail: "the mailbox name \"\(HeaderSafety.printable(target))\" cannot be sent as a quoted string")
        }
        let command = "APPEND \(name) (\(seen ? "\\Seen" : ""))"
        let completion = try session(command: "APPEND") { connection throws(IMAPConnection.Failure) in
            try connection.run(command, literal: message)
        }
        try check(completion, opensMailbox: false)
        return IMAPSyntax.appendUID(completion.text)
    }

    /// Moves the messages with these UIDs from this mailbox into `target`, creating `target` first
    /// when the server answers that it does not exist ([TRYCREATE]). Uses `UID MOVE` (RFC 6851)
    /// where the server has it, else copies, marks `\Deleted` and expunges exactly those UIDs
    /// (`UID EXPUNGE`, RFC 4315). Nothing is deleted before it is copied.
    public func move(uids: [UInt32], to target: String) throws(MailTransportError) {
        guard !uids.isEmpty else { return }
        guard let name = IMAPSyntax.quotedIfSafe(target), IMAPSyntax.isValidMailboxName(target) else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "UID MOVE",
                                     detail: "the mailbox name \"\(HeaderSafety.printable(target))\" cannot be sent as a quoted string")
        }
        let set = Self.uidSets(uids, size: Int.max).joined(separator: ",")
        let capabilities = try serverCapabilities()
        let canMove = capabilities.contains("MOVE")
        guard canMove || capabilities.contains("UIDPLUS") else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "UID MOVE",
                                     detail: "the server has neither MOVE (RFC 6851) nor UIDPLUS (RFC 4315), so messages cannot be moved without touching others")
        }
        let transfer = canMove ? "UID MOVE \(set) \(name)" : "UID COPY \(set) \(name)"
        do {
            _ = try run([transfer], selecting: true)
        } catch let error where error.kind == .commandRefused && (error.reply ?? "").uppercased().contains("TRYCREATE") {
            do {
                _ = try run(["CREATE \(name)"], selecting: false)
            } catch let error where Self.alreadyExists(error) {
                // Another client created it in the meantime: what we wanted.
            }
            _ = try run([transfer], selecting: true)
        }
        if !canMove {
            _ = try run(["UID STORE \(set) +FLAGS.SILENT (\\Deleted)", "UID EXPUNGE \(set)"], selecting: true)
        }
    }

    /// True when a refused CREATE says the mailbox exists (RFC 5530 ALREADYEXISTS, or the words).
    static func alreadyExists(_ error: MailTransportError) -> Bool {
        let reply = (error.reply ?? "") + " " + error.detail
        return error.kind == .commandRefused && (reply.uppercased().contains("ALREADYEXISTS") || reply.lowercased().contains("already exists"))
    }

    /// Waits up to `seconds` for news in the mailbox, or until `stop` answers true: true as soon
    /// as the server announces new, changed or removed messages, false when the time passed (or
    /// `stop` ended the wait) without any. Uses `IDLE` (RFC 2177) on the selected mailbox; on a
    /// server without it, asks with `NOOP` every `noopInterval` seconds on the same session.
    /// Callers renew the wait well before servers end an idle session (29 minutes, RFC 2177).
    public func waitForNews(seconds: Double, noopInterval: Double = 30, stop: () -> Bool = { false }) throws(MailTransportError) -> Bool {
        try select()
        let announced: [IMAPResponse]?
        if try serverCapabilities().contains("IDLE") {
            announced = try session(command: "IDLE") { connection throws(IMAPConnection.Failure) in
                try connection.idle(seconds: seconds, stop: stop)
            }
        } else {
            announced = nil
        }
        if let announced { return Self.saysNews(announced) }
        // No IDLE (or it was refused): NOOP now and then on the kept session.
        let deadline = Date().addingTimeInterval(max(0, seconds))
        while !stop() && Date() < deadline {
            let nextCheck = Date().addingTimeInterval(min(max(1, noopInterval), deadline.timeIntervalSinceNow))
            while !stop() && Date() < nextCheck { Thread.sleep(forTimeInterval: min(0.5, max(0.01, nextCheck.timeIntervalSinceNow))) }
            if Self.saysNews(try run(["NOOP"], selecting: true).untagged) { return true }
        }
        return false
    }

    /// True when `responses` announce messages that arrived, changed or went (`EXISTS`, `FETCH`, `EXPUNGE`).
    private static func saysNews(_ responses: [IMAPResponse]) -> Bool {
        responses.contains { response in
            let words = response.text.uppercased().split(separator: " ")
            return response.kind == .untagged && words.count >= 2 && ["EXISTS", "FETCH", "EXPUNGE"].contains(String(words[1]))
        }
    }

    /// Connects if needed and selects the mailbox: what arrives from now on, `waitForNews` hears of.
    public func select() throws(MailTransportError) {
        try run([], selecting: true)
    }

    /// Ends the session politely (`LOGOUT`), if one is open.
    public func close() {
        guard let connection else { return }
        _ = try? connection.run(["LOGOUT"])
        drop()
    }

    /// UID sets of at most `size` UIDs each, as ranges where the UIDs run on (`3:9,12`).
    static func uidSets(_ uids: [UInt32], size: Int) -> [String] {
        let sorted = Array(Set(uids)).sorted()
        var sets: [String] = []
        var start = 0
        while start < sorted.count {
            let batch = sorted[start..<(start + min(max(1, size), sorted.count - start))]
            start += batch.count
            var parts: [String] = []
            var low = batch[batch.startIndex]
            var high = low
            for uid in batch.dropFirst() {
                if uid == high + 1 { high = uid; continue }
                parts.append(low == high ? "\(low)" : "\(low):\(high)")
                low = uid
                high = uid
            }
            parts.append(low == high ? "\(low)" : "\(low):\(high)")
            sets.append(parts.joined(separator: ","))
        }
        return sets
    }

    // MARK: - The session

    /// The capabilities the server announces to a signed-in client, asked for once per session.
    private func serverCapabilities() throws(MailTransportError) -> Set<String> {
        if let capabilities, connection != nil { return capabilities }
        let exchange = try run(["CAPABILITY"], selecting: false)
        var found = Set<String>()
        // The untagged CAPABILITY response, or a [CAPABILITY ...] response code (RFC 3501 section 7.1).
        let lists = exchange.untagged.map(\.text) + exchange.completions.map(\.text)
        for text in lists.map({ $0.uppercased() }) {
            if text.hasPrefix("CAPABILITY ") {
                found.formUnion(text.split(separator: " ").dropFirst().map(String.init))
            } else if let open = text.range(of: "[CAPABILITY "), let close = text[open.upperBound...].firstIndex(of: "]") {
                found.formUnion(text[open.upperBound..<close].split(separator: " ").map(String.init))
            }
        }
        capabilities = found
        return found
    }

    /// Runs `commands` pipelined, after a `SELECT` when `selecting` and this session has not
    /// selected the mailbox yet; throws at the first refused one. Returns the completions of
    /// `commands` (not of the `SELECT`). With `deliver`, each command's untagged responses go to
    /// it as that command completes (see `IMAPConnection.run`), and the exchange holds none.
    @discardableResult
    private func run(_ commands: [String], selecting: Bool,
                     deliver: (([IMAPResponse]) -> Void)? = nil) throws(MailTransportError) -> IMAPConnection.Exchange {
        transcript.beginOperation()
        let select = selecting && !selected
        let sent = (select ? ["SELECT \(IMAPSyntax.quoted(mailbox))"] : []) + commands
        guard !sent.isEmpty else { return IMAPConnection.Exchange(completions: [], untagged: []) }
        var selectResponses: [IMAPResponse] = []
        let handOver: ((Int, [IMAPResponse]) -> Void)? = deliver.map { deliver in
            { index, responses in
                if select && index == 0 { selectResponses = responses } else { deliver(responses) }
            }
        }
        let exchange = try session(command: IMAPSyntax.commandName(sent[0])) { connection throws(IMAPConnection.Failure) in
            try connection.run(sent, deliver: handOver)
        }
        for (index, completion) in exchange.completions.enumerated() {
            try check(completion, opensMailbox: select && index == 0)
        }
        if select {
            selected = true
            try noteUIDValidity(deliver == nil ? exchange.untagged : selectResponses)
        }
        return IMAPConnection.Exchange(completions: Array(exchange.completions.dropFirst(select ? 1 : 0)), untagged: exchange.untagged)
    }

    /// Runs `body` on the open session, opening one first when there is none. A session that
    /// fails is dropped, and the failure is thrown as a `MailTransportError` naming `command`.
    private func session<Result>(command: String, _ body: (IMAPConnection) throws(IMAPConnection.Failure) -> Result) throws(MailTransportError) -> Result {
        let connection = try openConnection()
        do {
            return try body(connection)
        } catch {
            drop()
            throw failure(error, command: command)
        }
    }

    /// Throws the refusal in `completion`: a missing mailbox when it opened the mailbox and the
    /// server says it does not exist, else the command refused with the server's words.
    private func check(_ completion: IMAPConnection.Completion, opensMailbox: Bool) throws(MailTransportError) {
        guard completion.status != "OK" else { return }
        let name = IMAPSyntax.commandName(completion.command)
        let missing = (opensMailbox || name == "STATUS") && completion.status == "NO" && IMAPSyntax.saysMailboxIsMissing(completion.text)
        var error = MailTransportError(kind: missing ? .mailboxNotFound : .commandRefused, host: url.host, username: server.username,
                                       command: name, reply: completion.text, detail: missing ? IMAPSyntax.quoted(mailbox) : "")
        error.signIn = server.signIn
        throw error
    }

    /// Remembers the `UIDVALIDITY` a `SELECT` reported. A different value on a later `SELECT`
    /// means the mailbox was recreated and every UID known before is void: that is an error for
    /// the caller to handle (by starting again from `status()`), never silently ignored.
    private func noteUIDValidity(_ responses: [IMAPResponse]) throws(MailTransportError) {
        var reported: UInt32?
        for response in responses where response.kind == .untagged {
            let upper = response.text.uppercased()
            guard let range = upper.range(of: "[UIDVALIDITY ") else { continue }
            reported = UInt32(upper[range.upperBound...].prefix(while: \.isNumber))
        }
        guard let reported else { return }
        if let known = selectedUIDValidity, known != reported {
            selectedUIDValidity = reported
            throw MailTransportError(kind: .protocolError, host: url.host, command: "SELECT",
                                     detail: "the mailbox \(IMAPSyntax.quoted(mailbox)) was recreated (UIDVALIDITY \(known) became \(reported)), so its UIDs changed meaning")
        }
        selectedUIDValidity = reported
    }

    /// The open session, or a new one: libcurl connects, secures and signs in, then hands over.
    private func openConnection() throws(MailTransportError) -> IMAPConnection {
        if let connection { return connection }
        transcript.beginOperation()
        guard let easy = CurlEasy(transcript: transcript) else {
            throw MailTransportError(kind: .internalFailure, host: url.host, detail: "cannot create a libcurl handle")
        }
        self.easy = easy
        easy.transfer.reset()
        do {
            try easy.configure(for: server, implicitTLS: url.scheme == "imaps")
            try easy.set(CURLOPT_URL, url.base + "/")
            try easy.set(CURLOPT_CONNECT_ONLY, 1)
            defer { connectionsOpened += easy.info(CURLINFO_NUM_CONNECTS) }
            try easy.perform()
            // From here on the dialogue is ours, recorded by `IMAPConnection`; libcurl's own
            // remarks about each send and receive would only add noise.
            try easy.set(CURLOPT_VERBOSE, 0)
        } catch {
            let failed = signInFailure(error, dialogue: easy.transfer.inbound)
            self.easy = nil
            throw failed
        }
        guard let opened = IMAPConnection(easy: easy, transcript: transcript, inactivitySeconds: server.connectTimeoutSeconds) else {
            self.easy = nil
            throw MailTransportError(kind: .internalFailure, host: url.host, detail: "libcurl signed in but handed over no connection")
        }
        connection = opened
        selected = false
        capabilities = nil
        return opened
    }

    /// Forgets the session (the handle closes its connection).
    private func drop() {
        connection = nil
        easy = nil
        selected = false
        capabilities = nil
    }

    private func failure(_ error: IMAPConnection.Failure, command: String) -> MailTransportError {
        let kind: MailTransportError.Kind
        var reply: String?
        let detail: String
        switch error {
        case .timedOut(let seconds):
            kind = .timedOut
            detail = "the server sent nothing for \(seconds) s"
        case .closed(let bye):
            kind = .connectionLost
            reply = bye
            detail = "the server closed the connection"
        case .transfer(let curl):
            kind = curl.kind == .protocolError ? .connectionLost : curl.kind
            detail = curl.bestDescription
        case .unreadable(let what):
            kind = .protocolError
            detail = "the server sent \(what)"
        }
        var result = MailTransportError(kind: kind, host: url.host, username: server.username, command: command, reply: reply, detail: detail)
        result.signIn = server.signIn
        return result
    }

    /// The name of the command we sent with `tag` (e.g. `AUTHENTICATE` for libcurl's sign-in).
    private func commandName(tagged tag: String) -> String? {
        guard let line = transcript.lines.last(where: { $0.source == .client && $0.text.hasPrefix(tag + " ") }) else { return nil }
        return IMAPSyntax.commandName(String(line.text.dropFirst(tag.count + 1)))
    }

    /// What went wrong while libcurl connected and signed in, from its code and the dialogue so far.
    private func signInFailure(_ error: CurlFailure, dialogue: [UInt8]) -> MailTransportError {
        let refusal = IMAPResponse.parse(dialogue).last { $0.status == "NO" || $0.status == "BAD" }
        var kind = error.kind
        var failed: String?
        if let refusal, case .tagged(let tag) = refusal.kind, kind != .authenticationFailed {
            failed = commandName(tagged: tag)
            kind = .commandRefused
        }
        var result = MailTransportError(kind: kind, host: url.host, username: server.username, command: failed,
                                        reply: refusal?.text ?? (kind == .authenticationFailed ? transcript.serverLines.last : nil),
                                        detail: error.bestDescription)
        result.signIn = server.signIn
        return result
    }
}
