/// Renders an `OutgoingMessage` as RFC 5322 / MIME bytes with CRLF line ends, refusing anything that could inject headers.
public struct MessageWriter: Sendable {
    /// Where multipart boundaries come from (inject a seeded one for reproducible output).
    public let boundaries: any BoundaryGenerator

    /// Creates a writer that draws boundaries from `boundaries`.
    public init(boundaries: any BoundaryGenerator) {
        self.boundaries = boundaries
    }

    /// The complete message: headers, blank line, body; every line ends in CRLF and is at most 998 octets.
    public func render(_ message: OutgoingMessage) throws(MessageWriterError) -> [UInt8] {
        var out: [UInt8] = []
        let bodyBytes = message.textBody.utf8.count + (message.htmlBody?.utf8.count ?? 0)
        out.reserveCapacity(1_024 + bodyBytes + bodyBytes / 4)
        try writeHeaders(message, into: &out)
        try writeBody(message, into: &out)
        return out
    }

    /// The standard and extra header lines, in a fixed order, without the Content-* headers.
    func writeHeaders(_ m: OutgoingMessage, into out: inout [UInt8]) throws(MessageWriterError) {
        guard !m.to.isEmpty else { throw .noRecipients }
        out.append(contentsOf: "Date: ".utf8)
        RFC5322Date.append(m.date, utcOffsetSeconds: m.utcOffsetSeconds, into: &out)
        out.append(13)
        out.append(10)
        try writeAddressHeader("From", [m.from], into: &out)
        if let replyTo = m.replyTo { try writeAddressHeader("Reply-To", [replyTo], into: &out) }
        try writeAddressHeader("To", m.to, into: &out)
        try writeUnstructuredHeader("Subject", m.subject, into: &out)
        try checkID(m.messageID, field: "Message-ID")
        try HeaderFolder.single(name: "Message-ID", value: m.messageID.value, bracketed: true, into: &out)
        if let parent = m.inReplyTo {
            try checkID(parent, field: "In-Reply-To")
            try HeaderFolder.single(name: "In-Reply-To", value: parent.value, bracketed: true, into: &out)
        }
        if !m.references.isEmpty {
            var folder = HeaderFolder(name: "References", into: &out)
            for (i, id) in m.references.enumerated() {
                try checkID(id, field: "References[\(i)]")
                folder.chunk(id.value, bracketed: true, into: &out)
            }
            try folder.finish(into: &out)
        }
        try writeUnsubscribeHeaders(mailto: m.listUnsubscribeMailto, url: m.listUnsubscribeURL, into: &out)
        out.append(contentsOf: "MIME-Version: 1.0\r\n".utf8)
        for field in m.extraHeaders {
            try HeaderRules.checkExtraName(field.name)
            try writeUnstructuredHeader(field.name, field.value, field: "header \(field.name)", into: &out)
        }
    }

    /// An unstructured header: plain ASCII kept verbatim (folded at its own whitespace), anything else as encoded words.
    func writeUnstructuredHeader(
        _ name: String, _ value: String, field: @autoclosure () -> String? = nil, into out: inout [UInt8]
    ) throws(MessageWriterError) {
        try HeaderRules.checkInjection(value, field: field() ?? name)
        let fits = value.withUTF8Bytes { bytes in
            if HeaderRules.isPlainUnstructured(bytes) {
                return HeaderFolder.foldPreservingWhitespace(name: name, value: bytes, into: &out)
            }
            var folder = HeaderFolder(name: name, into: &out)
            Self.writeEncodedWords(value, bytes: bytes, firstWordLimit: 76 - name.utf8.count - 2, folder: &folder, into: &out)
            return folder.end(into: &out)
        }
        if !fits { throw .lineTooLong(field: name) }
    }

    /// Writes `text` (whose UTF-8 is `bytes`) as encoded words, each an unbreakable chunk of the header being folded.
    static func writeEncodedWords(
        _ text: String, bytes: UnsafeBufferPointer<UInt8>, firstWordLimit: Int, folder: inout HeaderFolder, into out: inout [UInt8]
    ) {
        let useQ = RFC2047.prefersQ(bytes)
        RFC2047.forEachWord(text, bytes: bytes, useQ: useQ, firstWordLimit: firstWordLimit, wordLimit: RFC2047.maxWordLength) { payload in
            folder.beginChunk(length: RFC2047.wordLength(payload, useQ: useQ), into: &out)
            RFC2047.writeWord(payload, useQ: useQ, into: &out)
        }
    }

    func checkID(_ id: MessageID, field: @autoclosure () -> String) throws(MessageWriterError) {
        try HeaderRules.checkInjection(id.value, field: field())
        try HeaderRules.checkMessageID(id.value, field: field())
    }

    /// RFC 2369 List-Unsubscribe, plus RFC 8058 one-click only when an https URL is configured.
    func writeUnsubscribeHeaders(mailto: String?, url: String?, into out: inout [UInt8]) throws(MessageWriterError) {
        if let mailto {
            try HeaderRules.checkInjection(mailto, field: "List-Unsubscribe mailto")
            try HeaderRules.checkUnsubscribe(mailto, scheme: "mailto:", field: "List-Unsubscribe mailto")
        }
        if let url {
            try HeaderRules.checkInjection(url, field: "List-Unsubscribe URL")
            try HeaderRules.checkUnsubscribe(url, scheme: "https://", field: "List-Unsubscribe URL")
        }
        guard mailto != nil || url != nil else { return }
        var folder = HeaderFolder(name: "List-Unsubscribe", into: &out)
        if let mailto { folder.chunk(mailto, bracketed: true, comma: url != nil, into: &out) }
        if let url { folder.chunk(url, bracketed: true, into: &out) }
        try folder.finish(into: &out)
        if url != nil { out.append(contentsOf: "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n".utf8) }
    }
}
