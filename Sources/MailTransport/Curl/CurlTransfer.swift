/// Per-transfer state that libcurl's callbacks read and write through their userdata pointer:
/// the bytes to upload, the bytes received, and the protocol dialogue.
final class CurlTransfer {
    /// What the read callback hands to libcurl (a message to send or append).
    var upload: [UInt8] = []
    /// How much of `upload` libcurl has taken so far.
    var uploadOffset = 0
    /// Bytes libcurl passed to the write callback.
    var body: [UInt8] = []
    /// The raw server side of libcurl's dialogue (CURLINFO_HEADER_IN): SMTP replies, and for IMAP
    /// the greeting and sign-in that come before `IMAPConnection` takes over.
    var inbound: [UInt8] = []
    /// The dialogue, line by line, with credentials removed.
    let transcript: ProtocolTranscript
    /// True once any byte of `upload` has been handed to libcurl.
    var uploadStarted: Bool { uploadOffset > 0 }
    /// Called once, before the first byte of `upload` goes to libcurl; false aborts the transfer.
    var beforeFirstUpload: (() -> Bool)?

    init(transcript: ProtocolTranscript) {
        self.transcript = transcript
    }

    /// Forgets the previous transfer's data; the transcript keeps its redaction state.
    func reset(upload: [UInt8] = [], beforeFirstUpload: (() -> Bool)? = nil) {
        self.upload = upload
        self.beforeFirstUpload = beforeFirstUpload
        uploadOffset = 0
        body.removeAll(keepingCapacity: true)
        inbound.removeAll(keepingCapacity: true)
    }
}
