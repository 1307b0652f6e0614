import CCurl
public import Foundation

/// One IMAP mailbox on one server, reached over libcurl with a session kept open between calls.
///
/// Reads never change the mailbox: messages are fetched with `BODY.PEEK[]`, so nothing becomes
/// `\Seen`. libcurl 7.88 drops the body of such a custom FETCH from its write callback, so the
/// responses are read from the raw server stream that the debug callback sees, where literals
/// arrive intact. Not thread-safe: one owner at a time.
public final class IMAPMailbox {
    private let server: MailServer
    private let url: ServerURL
    private var easy: CurlEasy
    private let transcript: ProtocolTranscript
    /// Bytes received on the current handle: libcurl 7.88 counts them against its 300 KB limit for
    /// response headers across commands, so the handle is replaced (a new login) before that.
    private var bytesOnHandle = 0
    /// Set when an answer was cut short: the connection is out of step and must not be reused.
    private var handleOutOfStep = false
    /// The mailbox this client reads, e.g. `INBOX`.
    public let mailbox: String
    /// How many TCP connections this client has opened so far.
    public private(set) var connectionsOpened = 0

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
        guard let easy = CurlEasy(transcript: transcript) else {
            throw MailTransportError(kind: .internalFailure, host: url.host, detail: "cannot create a libcurl handle")
        }
        self.easy = easy
        do {
            try easy.configure(for: server, implicitTLS: url.scheme == "imaps")
        } catch {
            throw failure(error, command: nil)
        }
    }

    /// Connects, logs in and checks that the mailbox exists; throws what failed.
    public func verify() throws(MailTransportError) {
        _ = try status()
    }

    /// `STATUS` of the mailbox, without selecting it: cheap whatever the mailbox's size.
    public func status() throws(MailTransportError) -> MailboxStatus {
        let command = "STATUS \(IMAPSyntax.quoted(mailbox)) (MESSAGES UIDNEXT UIDVALIDITY)"
        let responses = try run(command, selecting: false)
        for response in responses where response.kind == .untagged && response.text.uppercased().hasPrefix("STATUS ") {
            if let status = MailboxStatus.parse(response.text) { return status }
        }
        throw MailTransportError(kind: .protocolError, host: url.host, command: "STATUS",
                                 detail: "no STATUS response with UIDNEXT and UIDVALIDITY")
    }

    /// The UIDs of messages whose UID is at least `first`, in ascending order.
    ///
    /// Sends `NOOP` first, so that a reused session sees mail that arrived since its last command.
    public func uids(from first: UInt32) throws(MailTransportError) -> [UInt32] {
        // `n:*` always matches the highest UID, even when it is below n.
        try searchInWindows("UID \(max(first, 1)):*").filter { $0 >= first }
    }

    /// The UIDs of messages whose header `field` contains `value` (e.g. a Message-ID).
    public func uids(header field: String, contains value: String) throws(MailTransportError) -> [UInt32] {
        guard IMAPSyntax.isAtom(field), let quotedValue = IMAPSyntax.quotedIfSafe(value) else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "UID SEARCH",
                                     detail: "the search term \"\(HeaderSafety.printable(value))\" cannot be sent to the server")
        }
        _ = try run("NOOP", selecting: true)
        return Self.searchResults(try run("UID SEARCH HEADER \(field) \(quotedValue)", selecting: true))
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
        _ = try run("NOOP", selecting: true)
        return Self.searchResults(try run("UID SEARCH OR SINCE \(day) SENTSINCE \(day) FROM \(quotedAddress)", selecting: true))
    }

    /// The UIDs of messages that arrived (by the server's clock) or are dated on or after the day of `date`.
    public func uids(since date: Date) throws(MailTransportError) -> [UInt32] {
        let day = IMAPSyntax.searchDate(date)
        return try searchInWindows("OR SINCE \(day) SENTSINCE \(day)")
    }

    /// Messages per search command in `searchInWindows`, and how far consecutive windows overlap.
    static let searchWindow = 100
    static let searchOverlap = 10

    /// `UID SEARCH criteria`, asked in windows of `searchWindow` message sequence numbers so that
    /// no answer is long: libcurl 7.88 loses part of a long SEARCH line (in a mailbox of 3,300
    /// messages, a search for all of them brought back 873). Windows overlap, so a message that
    /// another client expunges meanwhile cannot shift one past us; the last window is open-ended
    /// (`n:*`), so mail that arrives meanwhile, or that STATUS does not count yet, is included.
    private func searchInWindows(_ criteria: String) throws(MailTransportError) -> [UInt32] {
        _ = try run("NOOP", selecting: true)
        let count = try status().messages
        guard count > Self.searchWindow else {
            return Self.searchResults(try run("UID SEARCH \(criteria)", selecting: true))
        }
        var found = Set<UInt32>()
        var start = 1
        while true {
            let end = start + Self.searchWindow - 1
            let last = end >= count
            let range = last ? "\(start):*" : "\(start):\(end)"
            found.formUnion(Self.searchResults(try run("UID SEARCH \(range) \(criteria)", selecting: true)))
            if last { break }
            start = end + 1 - Self.searchOverlap
        }
        return found.sorted()
    }

    /// The most one command may bring back. libcurl 7.88 counts what a custom command returns
    /// against its 300 KB limit for response headers ("Too large response headers"), and counts
    /// buffered lines more than once: 35 KB of small messages in one response was counted as
    /// 310 KB. So whole messages go at most 8 KB per command and larger ones in 32 KB parts.
    static let responseLimit = 8_000
    /// The size of one part of a large message.
    static let partSize = 32_000
    /// Bytes received on one handle before it is replaced (a new connection and login).
    static let bytesPerHandle = 150_000

    /// The messages with these UIDs, byte for byte, without marking them `\Seen`.
    ///
    /// UIDs that no longer exist are skipped. Asks for sizes first, then fetches messages in
    /// commands of at most `responseLimit` bytes, and larger ones in `BODY.PEEK[]<offset.length>`
    /// parts of `partSize`, so no message is too big to read. A message larger than
    /// `maxBytesPerMessage` arrives cut after that many bytes (its beginning: headers and, in
    /// practice, the text people write, before any attachments).
    public func fetch(uids: [UInt32], batchSize: Int = 50, maxBytesPerMessage: Int = .max) throws(MailTransportError) -> [FetchedMessage] {
        var messages: [FetchedMessage] = []
        var start = 0
        let sorted = uids.sorted()
        while start < sorted.count {
            let batch = Array(sorted[start..<min(start + max(1, batchSize), sorted.count)])
            start += batch.count
            let set = batch.map(String.init).joined(separator: ",")
            var sizes: [UInt32: (size: Int, flags: [String])] = [:]
            for response in try run("UID FETCH \(set) (UID FLAGS RFC822.SIZE)", selecting: true) where response.kind == .untagged {
                if let item = IMAPFetchItem(response), let uid = item.uid, batch.contains(uid) {
                    sizes[uid] = (item.size ?? 0, item.flags)
                }
            }
            var group: [UInt32] = []
            var groupBytes = 0
            for uid in batch {
                // A UID without a size in the answer is read in parts until a short part ends it:
                // skipping it would let a caller's cursor move past a message never read.
                let (size, flags) = sizes[uid] ?? (Int.max, [])
                if size > Self.responseLimit {
                    messages.append(contentsOf: try fetchWhole(group, sizes: sizes))
                    group = []
                    groupBytes = 0
                    messages.append(try fetchInParts(uid, size: min(size, max(1, maxBytesPerMessage)), flags: flags))
                    continue
                }
                if groupBytes + size > Self.responseLimit && !group.isEmpty {
                    messages.append(contentsOf: try fetchWhole(group, sizes: sizes))
                    group = []
                    groupBytes = 0
                }
                group.append(uid)
                groupBytes += size
            }
            messages.append(contentsOf: try fetchWhole(group, sizes: sizes))
        }
        return messages
    }

    private func fetchWhole(_ uids: [UInt32], sizes: [UInt32: (size: Int, flags: [String])]) throws(MailTransportError) -> [FetchedMessage] {
        guard !uids.isEmpty else { return [] }
        let set = uids.map(String.init).joined(separator: ",")
        guard let responses = try exchange("UID FETCH \(set) (UID BODY.PEEK[])", selecting: true) else {
            // A message in the group holds a line that ended the command early: one at a time,
            // and the one that does it through libcurl's own FETCH.
            if uids.count == 1, let only = uids.first { return [try fetchByURL(only, flags: sizes[only]?.flags ?? [])] }
            var messages: [FetchedMessage] = []
            for uid in uids { messages.append(contentsOf: try fetchWhole([uid], sizes: sizes)) }
            return messages
        }
        var messages: [FetchedMessage] = []
        for response in responses where response.kind == .untagged {
            guard let item = IMAPFetchItem(response), let uid = item.uid, uids.contains(uid), let body = item.body else { continue }
            messages.append(FetchedMessage(uid: uid, bytes: body, flags: sizes[uid]?.flags ?? item.flags))
        }
        return messages
    }

    private func fetchInParts(_ uid: UInt32, size: Int, flags: [String]) throws(MailTransportError) -> FetchedMessage {
        var bytes: [UInt8] = []
        var offset = 0
        while offset < size {
            let length = min(Self.partSize, size - offset)
            guard let responses = try exchange("UID FETCH \(uid) (UID BODY.PEEK[]<\(offset).\(length)>)", selecting: true) else {
                return try fetchByURL(uid, flags: flags, limit: size)  // this part ended the command early
            }
            guard let part = responses.lazy.compactMap({ IMAPFetchItem($0) }).first(where: { $0.uid == uid })?.body, !part.isEmpty else {
                break  // the message shrank or vanished: keep what arrived
            }
            bytes.append(contentsOf: part)
            offset += part.count
            if part.count < length { break }  // the last part
        }
        return FetchedMessage(uid: uid, bytes: bytes, flags: flags)
    }

    /// The flags of the messages with these UIDs.
    public func flags(uids: [UInt32]) throws(MailTransportError) -> [UInt32: [String]] {
        guard !uids.isEmpty else { return [:] }
        let set = uids.sorted().map(String.init).joined(separator: ",")
        var result: [UInt32: [String]] = [:]
        for response in try run("UID FETCH \(set) (UID FLAGS)", selecting: true) where response.kind == .untagged {
            if let item = IMAPFetchItem(response), let uid = item.uid { result[uid] = item.flags }
        }
        return result
    }

    /// Stores `message` in `target` (e.g. `Sent`) and returns its UID when the server reports it.
    ///
    /// libcurl always appends with `\Seen`; with `seen: false` the flag is removed afterwards.
    @discardableResult
    public func append(_ message: [UInt8], to target: String, seen: Bool = true) throws(MailTransportError) -> UInt32? {
        guard IMAPSyntax.isValidMailboxName(target) else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "APPEND",
                                     detail: "the mailbox name \"\(HeaderSafety.printable(target))\" has control characters")
        }
        let mailboxURL = url.base + "/" + IMAPSyntax.urlPath(target)
        if let error = try perform(url: mailboxURL, customRequest: nil, upload: message) {
            throw failure(error, command: "APPEND")
        }
        let tagged = IMAPResponse.parse(easy.transfer.inbound).last { if case .tagged = $0.kind { return true } else { return false } }
        let uid = tagged.flatMap { IMAPSyntax.appendUID($0.text) }
        if !seen, let uid {
            _ = try run("UID STORE \(uid) -FLAGS.SILENT (\\Seen)", selecting: true, url: mailboxURL)
        }
        return uid
    }

    /// Moves the messages with these UIDs from this mailbox into `target` (UID MOVE, RFC 6851),
    /// creating `target` first when the server answers that it does not exist ([TRYCREATE]).
    /// Nothing is deleted: a message is either here or there.
    public func move(uids: [UInt32], to target: String) throws(MailTransportError) {
        guard !uids.isEmpty else { return }
        guard let name = IMAPSyntax.quotedIfSafe(target), IMAPSyntax.isValidMailboxName(target) else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: "UID MOVE",
                                     detail: "the mailbox name \"\(HeaderSafety.printable(target))\" cannot be sent as a quoted string")
        }
        let set = uids.sorted().map(String.init).joined(separator: ",")
        do {
            _ = try run("UID MOVE \(set) \(name)", selecting: true)
        } catch let error where error.kind == .commandRefused && (error.reply ?? "").uppercased().contains("TRYCREATE") {
            do {
                _ = try run("CREATE \(name)", selecting: false)
            } catch let error where Self.alreadyExists(error) {
                // Another client created it in the meantime: what we wanted.
            }
            _ = try run("UID MOVE \(set) \(name)", selecting: true)
        }
    }

    /// True when a refused CREATE says the mailbox exists (RFC 5530 ALREADYEXISTS, or the words).
    static func alreadyExists(_ error: MailTransportError) -> Bool {
        let reply = (error.reply ?? "") + " " + error.detail
        return error.kind == .commandRefused && (reply.uppercased().contains("ALREADYEXISTS") || reply.lowercased().contains("already exists"))
    }

    /// Runs one command and returns the responses that belong to it (those after the previous
    /// tagged response). Throws when the command, or the `SELECT` before it, is refused, and when
    /// the answer was cut short (see `exchange`).
    private func run(_ command: String, selecting: Bool, url override: String? = nil) throws(MailTransportError) -> [IMAPResponse] {
        guard let responses = try exchange(command, selecting: selecting, url: override) else {
            throw MailTransportError(kind: .protocolError, host: url.host, command: IMAPSyntax.commandName(command),
                                     detail: "a message in the answer holds a line that looks like the end of the command, so libcurl stopped reading early")
        }
        return responses
    }

    /// Runs one command; nil when the answer was cut short.
    ///
    /// libcurl 7.88 reads a custom command's answer line by line and stops at the first line
    /// that starts with its tag, even inside a literal. A message whose text holds such a line
    /// (`A012 OK ...`) ends the command early: a literal is then shorter than announced. The
    /// connection is out of step from there on, so the handle is replaced before the next command.
    private func exchange(_ command: String, selecting: Bool, url override: String? = nil) throws(MailTransportError) -> [IMAPResponse]? {
        let name = IMAPSyntax.commandName(command)
        let target = override ?? (selecting ? url.base + "/" + IMAPSyntax.urlPath(mailbox) : url.base + "/")
        if let error = try perform(url: target, customRequest: command) {
            if IMAPResponse.parse(easy.transfer.inbound).contains(where: { !$0.isComplete }) {
                handleOutOfStep = true
                return nil
            }
            throw failure(error, command: name)
        }
        let responses = IMAPResponse.parse(easy.transfer.inbound)
        if responses.contains(where: { !$0.isComplete }) {
            handleOutOfStep = true
            return nil
        }
        guard let last = responses.lastIndex(where: { if case .tagged = $0.kind { return true } else { return false } }) else {
            throw MailTransportError(kind: .protocolError, host: url.host, command: name, detail: "no tagged completion for the command")
        }
        guard responses[last].status == "OK" else {
            throw MailTransportError(kind: .commandRefused, host: url.host, command: name, reply: responses[last].text, detail: "")
        }
        let previous = responses[..<last].lastIndex(where: { if case .tagged = $0.kind { return true } else { return false } })
        let start = previous.map { $0 + 1 } ?? 0
        return Array(responses[start..<last])
    }

    /// Fetches one message through libcurl's own FETCH (`INBOX;UID=n`), which reads the body by
    /// its announced size and so cannot be cut short by what the message says. libcurl asks for
    /// `BODY[]`, which sets `\Seen`; the flag is cleared again unless the message had it before.
    /// With a `limit`, only that many bytes from the start are asked for (`;PARTIAL=0.limit`).
    private func fetchByURL(_ uid: UInt32, flags: [String], limit: Int = .max) throws(MailTransportError) -> FetchedMessage {
        let mailboxURL = url.base + "/" + IMAPSyntax.urlPath(mailbox)
        let partial = limit < Int(UInt32.max) ? ";PARTIAL=0.\(limit)" : ""
        if let error = try perform(url: mailboxURL + ";UID=\(uid)" + partial, customRequest: nil) {
            throw failure(error, command: "UID FETCH")
        }
        let bytes = easy.transfer.body
        if !flags.contains(where: { $0.caseInsensitiveCompare("\\Seen") == .orderedSame }) {
            _ = try run("UID STORE \(uid) -FLAGS.SILENT (\\Seen)", selecting: true, url: mailboxURL)
        }
        return FetchedMessage(uid: uid, bytes: bytes, flags: flags)
    }

    /// One libcurl transfer on `target`: a custom command, libcurl's own FETCH when
    /// `customRequest` is nil, or an APPEND of `upload`. Returns libcurl's failure, if any, for the
    /// caller to read the dialogue first; counts connections and the bytes the handle received.
    private func perform(url target: String, customRequest: String?, upload: [UInt8]? = nil) throws(MailTransportError) -> CurlFailure? {
        try renewHandleIfWorn()
        transcript.beginOperation()
        easy.transfer.reset(upload: upload ?? [])
        defer { connectionsOpened += easy.info(CURLINFO_NUM_CONNECTS) }
        do {
            try easy.set(CURLOPT_URL, target)
            try easy.set(CURLOPT_CUSTOMREQUEST, customRequest)
            try easy.set(CURLOPT_UPLOAD, upload == nil ? 0 : 1)
            if let upload { try easy.set(CURLOPT_INFILESIZE_LARGE, size: upload.count) }
            defer { if upload != nil { try? easy.set(CURLOPT_UPLOAD, 0) } }
            try easy.perform()
        } catch {
            return error
        }
        bytesOnHandle += easy.transfer.inbound.count
        return nil
    }

    /// Replaces the libcurl handle (and so the connection and login) once it has received
    /// `bytesPerHandle`, in case libcurl's header accounting carries over between commands.
    private func renewHandleIfWorn() throws(MailTransportError) {
        guard bytesOnHandle > Self.bytesPerHandle || handleOutOfStep else { return }
        guard let fresh = CurlEasy(transcript: transcript) else {
            throw MailTransportError(kind: .internalFailure, host: url.host, detail: "cannot create a libcurl handle")
        }
        do {
            try fresh.configure(for: server, implicitTLS: url.scheme == "imaps")
        } catch {
            throw failure(error, command: nil)
        }
        easy = fresh
        bytesOnHandle = 0
        handleOutOfStep = false
    }

    /// The name of the command we sent with `tag` (e.g. `SELECT` for libcurl's own select).
    private func commandName(tagged tag: String) -> String? {
        guard let line = transcript.lines.last(where: { $0.source == .client && $0.text.hasPrefix(tag + " ") }) else { return nil }
        return IMAPSyntax.commandName(String(line.text.dropFirst(tag.count + 1)))
    }

    private func failure(_ error: CurlFailure, command: String?) -> MailTransportError {
        let responses = IMAPResponse.parse(easy.transfer.inbound)
        let refusal = responses.last { $0.status == "NO" || $0.status == "BAD" }
        var kind = error.kind
        var failed = command
        if let refusal, case .tagged(let tag) = refusal.kind, kind != .authenticationFailed {
            failed = commandName(tagged: tag) ?? command
            let opensMailbox = ["SELECT", "EXAMINE", "STATUS"].contains(failed ?? "")
            kind = opensMailbox && IMAPSyntax.saysMailboxIsMissing(refusal.text) ? .mailboxNotFound : .commandRefused
        }
        var result = MailTransportError(kind: kind, host: url.host, username: server.username, command: failed,
                                        reply: refusal?.text ?? (kind == .authenticationFailed ? transcript.serverLines.last : nil),
                                        detail: kind == .mailboxNotFound ? IMAPSyntax.quoted(mailbox) : error.bestDescription)
        result.signIn = server.signIn
        return result
    }

    private static func searchResults(_ responses: [IMAPResponse]) -> [UInt32] {
        var uids: [UInt32] = []
        for response in responses where response.kind == .untagged {
            let words = response.text.split(separator: " ")
            guard words.first?.uppercased() == "SEARCH" else { continue }
            uids.append(contentsOf: words.dropFirst().compactMap { UInt32($0) })
        }
        return uids.sorted()
    }
}
