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
        var head = try headerBlock(message)
        let body = try bodyBlock(message)
        head += body.headers
        return Array((head + "\r\n" + body.content).utf8)
    }

    /// The standard and extra header lines, in a fixed order, without the Content-* headers.
    func headerBlock(_ m: OutgoingMessage) throws(MessageWriterError) -> String {
        guard !m.to.isEmpty else { throw .noRecipients }
        var out = ""
        out += try HeaderFolder.fold(name: "Date", chunks: [RFC5322Date.format(m.date, utcOffsetSeconds: m.utcOffsetSeconds)])
        out += try addressHeader("From", [m.from])
        if let replyTo = m.replyTo { out += try addressHeader("Reply-To", [replyTo]) }
        out += try addressHeader("To", m.to)
        out += try unstructuredHeader("Subject", m.subject)
        out += try HeaderFolder.fold(name: "Message-ID", chunks: [try checkedID(m.messageID, field: "Message-ID")])
        if let parent = m.inReplyTo {
            out += try HeaderFolder.fold(name: "In-Reply-To", chunks: [try checkedID(parent, field: "In-Reply-To")])
        }
        if !m.references.isEmpty {
            var ids: [String] = []
            for (i, id) in m.references.enumerated() { ids.append(try checkedID(id, field: "References[\(i)]")) }
            out += try HeaderFolder.fold(name: "References", chunks: ids)
        }
        out += try unsubscribeHeaders(mailto: m.listUnsubscribeMailto, url: m.listUnsubscribeURL)
        out += "MIME-Version: 1.0\r\n"
        for field in m.extraHeaders {
            try HeaderRules.checkExtraName(field.name)
            out += try unstructuredHeader(field.name, field.value, field: "header \(field.name)")
        }
        return out
    }

    /// A header holding addresses, display names encoded as needed, folded between words and addresses.
    func addressHeader(_ name: String, _ addresses: [MailAddress]) throws(MessageWriterError) -> String {
        var chunks: [String] = []
        for (index, address) in addresses.enumerated() {
            let field = addresses.count == 1 ? name : "\(name)[\(index)]"
            var parts = try HeaderRules.addressChunks(address, field: field, firstWordLimit: index == 0 ? 76 - name.utf8.count - 2 : 75)
            if index < addresses.count - 1, let last = parts.popLast() { parts.append(last + ",") }
            chunks += parts
        }
        return try HeaderFolder.fold(name: name, chunks: chunks)
    }

    /// An unstructured header: plain ASCII kept verbatim (folded at its own whitespace), anything else as encoded words.
    func unstructuredHeader(_ name: String, _ value: String, field: String? = nil) throws(MessageWriterError) -> String {
        try HeaderRules.checkInjection(value, field: field ?? name)
        if HeaderRules.isPlainUnstructured(value) {
            return try HeaderFolder.foldPreservingWhitespace(name: name, value: value)
        }
        let words = RFC2047.encodeWords(value, firstWordLimit: 76 - name.utf8.count - 2)
        return try HeaderFolder.fold(name: name, chunks: words)
    }

    func checkedID(_ id: MessageID, field: String) throws(MessageWriterError) -> String {
        try HeaderRules.checkInjection(id.value, field: field)
        try HeaderRules.checkMessageID(id.value, field: field)
        return id.bracketed
    }

    /// RFC 2369 List-Unsubscribe, plus RFC 8058 one-click only when an https URL is configured.
    func unsubscribeHeaders(mailto: String?, url: String?) throws(MessageWriterError) -> String {
        var targets: [String] = []
        if let mailto {
            try HeaderRules.checkInjection(mailto, field: "List-Unsubscribe mailto")
            try HeaderRules.checkUnsubscribe(mailto, scheme: "mailto:", field: "List-Unsubscribe mailto")
            targets.append("<" + mailto + ">")
        }
        if let url {
            try HeaderRules.checkInjection(url, field: "List-Unsubscribe URL")
            try HeaderRules.checkUnsubscribe(url, scheme: "https://", field: "List-Unsubscribe URL")
            targets.append("<" + url + ">")
        }
        guard !targets.isEmpty else { return "" }
        for i in targets.indices.dropLast() { targets[i] += "," }
        var out = try HeaderFolder.fold(name: "List-Unsubscribe", chunks: targets)
        if url != nil { out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" }
        return out
    }
}
