/// Parses raw message bytes into headers and a MIME tree; never throws, never traps, runs in linear time (bounded depth).
public enum MessageReader {
    /// The deepest MIME or message nesting that is descended into; deeper content stays an undivided leaf.
    public static let maxDepth = 50
    /// The most parts built for one message; later multiparts stay undivided.
    public static let maxParts = 5_000
    /// The most bytes of one text part decoded into its `text` (4 MiB); a larger part keeps its whole
    /// `body`, but only this much of it is read as text, so a huge body costs bounded time and memory.
    public static let maxTextBytes = 4 << 20

    /// Parses a whole message (an mbox "From " first line is skipped); always returns a best-effort result.
    public static func parse(_ bytes: [UInt8]) -> ParsedMessage {
        let budget = PartBudget()
        return parseMessage(bytes, 0..<bytes.count, depth: 0, budget: budget, skipMbox: true)
    }

    /// Parses only the header block of `bytes` (a whole message, or a header block alone as IMAP
    /// sends for `BODY[HEADER.FIELDS (...)]`): the fields, and a root part that has the message's
    /// content type and no body. Cheaper than `parse` by all the work of the body, for code that
    /// decides from the header alone whether to read the rest.
    public static func parseHeader(_ bytes: [UInt8]) -> ParsedMessage {
        let block = HeaderBlockParser.parse(bytes, 0..<bytes.count, skipMboxLine: true)
        let headers = decodeHeaders(block.fields)
        var contentType = block.fields.first(named: "Content-Type").map { ContentType(parsing: RFC2047.decode($0)) }
            ?? ContentType(parsing: "text/plain")
        if !contentType.value.containsUTF8("/") { contentType.value = "text/plain" }
        let encoding = (block.fields.first(named: "Content-Transfer-Encoding") ?? "7bit").trimmingWSP().lowercased()
        let root = MIMEPart(headers: headers, contentType: contentType, transferEncoding: encoding)
        return ParsedMessage(headers: headers, rawHeaders: block.fields, root: root, bestText: "")
    }

    /// Where the body of `bytes` begins: just after the blank line that ends the header block (the
    /// whole length when there is no body). `bytes[..<headerEnd(bytes)]` parses to the same header
    /// fields as the whole message.
    public static func headerEnd(_ bytes: [UInt8]) -> Int {
        HeaderBlockParser.parse(bytes, 0..<bytes.count, skipMboxLine: true).bodyStart
    }

    static func parseMessage(_ bytes: [UInt8], _ range: Range<Int>, depth: Int, budget: PartBudget, skipMbox: Bool) -> ParsedMessage {
        let block = HeaderBlockParser.parse(bytes, range, skipMboxLine: skipMbox)
        let root = parsePart(
            rawHeaders: block.fields, bytes, block.bodyStart..<range.upperBound, depth: depth, budget: budget, defaultType: "text/plain")
        return ParsedMessage(
            headers: decodeHeaders(block.fields), rawHeaders: block.fields, root: root, bestText: MIMEWalker.bestText(of: root))
    }

    static func decodeHeaders(_ fields: [HeaderField]) -> [HeaderField] {
        fields.map { HeaderField(name: $0.name, value: RFC2047.decode($0.value)) }
    }

    static func parsePart(
        rawHeaders: [HeaderField], _ bytes: [UInt8], _ range: Range<Int>, depth: Int, budget: PartBudget, defaultType: String
    ) -> MIMEPart {
        budget.count += 1
        var contentType = rawHeaders.first(named: "Content-Type").map { ContentType(parsing: RFC2047.decode($0)) }
            ?? ContentType(parsing: defaultType)
        if !contentType.value.containsUTF8("/") { contentType.value = defaultType }
        let encoding = (rawHeaders.first(named: "Content-Transfer-Encoding") ?? "7bit").trimmingWSP().lowercased()
        var part = MIMEPart(headers: decodeHeaders(rawHeaders), contentType: contentType, transferEncoding: encoding)
        if let disposition = rawHeaders.first(named: "Content-Disposition").map({ ContentType(parsing: $0) }) {
            part.disposition = disposition.value
            part.filename = disposition.parameters["filename"].map(RFC2047.decode)
        }
        if part.filename == nil { part.filename = contentType.parameters["name"].map(RFC2047.decode) }
        let canDescend = depth < maxDepth && budget.count < maxParts

        if part.isMultipart, canDescend {
            let (content, contentRange) = decoded(bytes, range, encoding: encoding, keepRawUnlessEncoded: true)
            part.children = MultipartSplitter.children(
                of: content, contentRange, boundary: contentType.parameters["boundary"], subtype: contentType.value,
                depth: depth, budget: budget)
            return part
        }
        let (content, contentRange) = decoded(bytes, range, encoding: encoding, keepRawUnlessEncoded: false)
        part.body = Array(content[contentRange])
        switch contentType.value {
        case "message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers", "message/global-headers":
            if canDescend {
                part.message = parseMessage(part.body, 0..<part.body.count, depth: depth + 1, budget: budget, skipMbox: true)
            }
        case "message/delivery-status", "message/global-delivery-status":
            part.deliveryStatus = DeliveryStatus.parse(part.body)
        default:
            break
        }
        if contentType.type == "text" || contentType.value == "message/delivery-status" {
            let textBytes = part.body.count > maxTextBytes ? Array(part.body.prefix(maxTextBytes)) : part.body
            part.text = LineSplitter.normalizeToLF(Charset.decode(textBytes, label: contentType.parameters["charset"]))
        }
        return part
    }

    /// The bytes after transfer decoding; for 7bit/8bit/binary (or unknown) the original storage and range are reused.
    static func decoded(_ bytes: [UInt8], _ range: Range<Int>, encoding: String, keepRawUnlessEncoded: Bool) -> ([UInt8], Range<Int>) {
        switch encoding {
        case "base64":
            let out = Base64.decode(bytes[range])
            return (out, 0..<out.count)
        case "quoted-printable":
            let out = QuotedPrintable.decode(Array(bytes[range]))
            return (out, 0..<out.count)
        default:
            return (bytes, range)
        }
    }
}

/// Counts parts built while reading one message, to bound work on hostile input.
final class PartBudget {
    var count = 0
}
