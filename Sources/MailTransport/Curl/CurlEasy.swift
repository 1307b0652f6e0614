import CCurl

/// Owns one libcurl easy handle together with everything it points to: the recipient list, the
/// error buffer and the transfer state reached by the callbacks. All are freed in `deinit`.
///
/// A handle keeps its connection open between transfers, which is how many messages go over one
/// SMTP connection and many commands over one IMAP session. Not thread-safe: one owner at a time.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var recipients: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// The state shared with the callbacks for the current transfer.
    let transfer: CurlTransfer

    /// Creates a handle with the callbacks installed, or nil if libcurl cannot allocate one.
    init?(transcript: ProtocolTranscript) {
        guard CurlGlobal.ensure(), let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.transfer = CurlTransfer(transcript: transcript)
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        _ = followup_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = followup_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = followup_setopt_data_callback(handle, CURLOPT_READFUNCTION, curlReadCallback)
        _ = followup_setopt_pointer(handle, CURLOPT_READDATA, context)
        _ = followup_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        _ = followup_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        // The debug callback is how we see libcurl's side of the dialogue (SMTP, and IMAP up to the
        // sign-in); it only runs with VERBOSE.
        _ = followup_setopt_debug_callback(handle, curlDebugCallback)
        _ = followup_setopt_pointer(handle, CURLOPT_DEBUGDATA, context)
        _ = followup_setopt_long(handle, CURLOPT_VERBOSE, 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        if let recipients { curl_slist_free_all(recipients) }
        errorBuffer.deallocate()
    }

    /// Sets an option whose value is a `long`.
    func set(_ option: CURLoption, _ value: Int) throws(CurlFailure) {
        try check(followup_setopt_long(handle, option, value), option: option)
    }

    /// Sets an option whose value is a `curl_off_t`.
    func set(_ option: CURLoption, size value: Int) throws(CurlFailure) {
        try check(followup_setopt_off(handle, option, curl_off_t(value)), option: option)
    }

    /// Sets an option whose value is a string (libcurl copies it); nil clears the option.
    func set(_ option: CURLoption, _ value: String?) throws(CurlFailure) {
        let code: CURLcode
        if let value {
            code = value.withCString { followup_setopt_string(handle, option, $0) }
        } else {
            code = followup_setopt_string(handle, option, nil)
        }
        try check(code, option: option)
    }

    /// Replaces the SMTP envelope recipients (CURLOPT_MAIL_RCPT); the list lives as long as the handle.
    func setRecipients(_ addresses: [String]) throws(CurlFailure) {
        var list: UnsafeMutablePointer<curl_slist>?
        for address in addresses {
            guard let extended = curl_slist_append(list, address) else {
                if let list { curl_slist_free_all(list) }
                throw CurlFailure(code: CURLE_OUT_OF_MEMORY, detail: "cannot build the recipient list")
            }
            list = extended
        }
        let code = followup_setopt_slist(handle, CURLOPT_MAIL_RCPT, list)
        if let recipients { curl_slist_free_all(recipients) }
        recipients = list
        try check(code, option: CURLOPT_MAIL_RCPT)
    }

    /// Runs one transfer with the options set so far; throws libcurl's error with its detail text.
    func perform() throws(CurlFailure) {
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            throw CurlFailure(code: code, detail: String(cString: errorBuffer))
        }
    }

    /// A `long` fact about the last transfer (CURLINFO_RESPONSE_CODE, CURLINFO_NUM_CONNECTS, ...).
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        guard followup_getinfo_long(handle, info, &value) == CURLE_OK else { return 0 }
        return value
    }

    /// The socket of the connection left open by a `CURLOPT_CONNECT_ONLY` transfer, or nil.
    func activeSocket() -> Int32? {
        var socket = curl_socket_t(-1)
        guard followup_getinfo_socket(handle, &socket) == CURLE_OK, socket >= 0 else { return nil }
        return Int32(socket)
    }

    /// Sends bytes on a `CONNECT_ONLY` connection (through TLS when it is on); returns libcurl's
    /// code and how many bytes went. `CURLE_AGAIN` means the socket cannot take more yet.
    func send(_ bytes: UnsafeRawBufferPointer) -> (code: CURLcode, sent: Int) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return (CURLE_OK, 0) }
        var sent = 0
        let code = curl_easy_send(handle, base, bytes.count, &sent)
        return (code, sent)
    }

    /// Receives what has arrived on a `CONNECT_ONLY` connection into `buffer`; `CURLE_AGAIN`
    /// means nothing yet, `CURLE_OK` with 0 bytes that the server closed the connection.
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> (code: CURLcode, received: Int) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return (CURLE_OK, 0) }
        var received = 0
        let code = curl_easy_recv(handle, base, buffer.count, &received)
        return (code, received)
    }

    private func check(_ code: CURLcode, option: CURLoption) throws(CurlFailure) {
        guard code == CURLE_OK else {
            throw CurlFailure(code: code, detail: "libcurl refused option \(option.rawValue)")
        }
    }
}

/// Hands the next slice of `CurlTransfer.upload` to libcurl.
private let curlReadCallback: followup_curl_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    if transfer.uploadOffset == 0, let hook = transfer.beforeFirstUpload {
        transfer.beforeFirstUpload = nil
        guard hook() else { return Int(CURL_READFUNC_ABORT) }
    }
    let room = size * count
    let remaining = transfer.upload.count - transfer.uploadOffset
    let length = min(room, remaining)
    guard length > 0 else { return 0 }
    transfer.upload.withUnsafeBytes { source in
        guard let base = source.baseAddress else { return }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + transfer.uploadOffset, byteCount: length)
    }
    transfer.uploadOffset += length
    return length
}

/// Collects what libcurl delivers as the transfer's body.
private let curlWriteCallback: followup_curl_data_callback = { buffer, size, count, userdata in
    let length = size * count
    guard let buffer, let userdata else { return length }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: length))
    return length
}

/// Records the protocol dialogue: server lines go to `inbound` and the transcript, our commands
/// to the transcript only (redacted there). Message bytes going out are not recorded.
private let curlDebugCallback: followup_curl_debug_callback = { _, kind, data, size, userdata in
    guard let data, let userdata, size > 0 else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    switch kind {
    case CURLINFO_HEADER_IN:
        transfer.inbound.append(contentsOf: bytes)
        transfer.transcript.record(.server, bytes)
    case CURLINFO_HEADER_OUT:
        transfer.transcript.record(.client, bytes)
    case CURLINFO_TEXT:
        transfer.transcript.record(.note, bytes)
    default:
        break
    }
    return 0
}
