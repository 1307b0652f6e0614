/// One node of a parsed MIME tree: headers, media type, decoded content, children or an embedded message.
public struct MIMEPart: Sendable {
    /// This part's own header fields, unfolded and decoded, in order.
    public var headers: [HeaderField]
    /// The parsed Content-Type (defaults to text/plain, or message/rfc822 inside multipart/digest).
    public var contentType: ContentType
    /// The lowercased Content-Transfer-Encoding ("7bit" when absent).
    public var transferEncoding: String
    /// The lowercased disposition ("inline", "attachment") when a Content-Disposition header is present.
    public var disposition: String?
    /// The file name from Content-Disposition or Content-Type, if any.
    public var filename: String?
    /// The content after transfer decoding (empty for multiparts).
    public var body: [UInt8]
    /// The child parts of a multipart, in order.
    public var children: [MIMEPart]
    /// For text parts: the content in its charset (with fallbacks), line ends normalised to "\n";
    /// at most the first `MessageReader.maxTextBytes` bytes of the body.
    public var text: String?
    /// For message/delivery-status parts: the parsed report fields.
    public var deliveryStatus: DeliveryStatus?
    private var embedded: MessageBox?

    /// The lowercased media type, e.g. "text/plain".
    public var mimeType: String { contentType.value }

    /// The charset parameter, if any.
    public var charset: String? { contentType.parameters["charset"] }

    /// True for multipart/* parts.
    public var isMultipart: Bool { contentType.type == "multipart" }

    /// For message/rfc822 (and text/rfc822-headers) parts: the embedded message (headers only for the latter).
    public var message: ParsedMessage? {
        get { embedded?.message }
        set { embedded = newValue.map(MessageBox.init) }
    }

    /// True when the part is an attachment rather than displayable body text.
    public var isAttachment: Bool {
        disposition == "attachment" || (disposition == nil && filename != nil && contentType.type != "text")
    }

    /// Creates a part; the reader fills it in.
    public init(
        headers: [HeaderField] = [], contentType: ContentType = ContentType(parsing: "text/plain"), transferEncoding: String = "7bit",
        body: [UInt8] = []
    ) {
        self.headers = headers
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.body = body
        self.children = []
    }

    /// The value of this part's first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first(named: name)
    }
}

/// Gives `MIMEPart` a recursive `ParsedMessage` without making the struct infinitely large.
final class MessageBox: Sendable {
    let message: ParsedMessage

    init(_ message: ParsedMessage) {
        self.message = message
    }
}
