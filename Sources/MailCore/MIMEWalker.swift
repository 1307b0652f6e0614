/// Bounded depth-first searches over a MIME tree that do not descend into attached messages.
enum MIMEWalker {
    static let maxVisits = 10_000

    /// Parts in document order, stopping at embedded messages.
    static func parts(of root: MIMEPart) -> [MIMEPart] {
        var result: [MIMEPart] = []
        var stack: [MIMEPart] = [root]
        while let part = stack.popLast(), result.count < maxVisits {
            result.append(part)
            stack.append(contentsOf: part.children.reversed())
        }
        return result
    }

    static func firstDeliveryStatus(in root: MIMEPart) -> DeliveryStatus? {
        parts(of: root).lazy.compactMap(\.deliveryStatus).first
    }

    static func attachedMessages(in root: MIMEPart) -> [ParsedMessage] {
        parts(of: root).compactMap(\.message)
    }

    /// The first non-attachment text/plain part and the first non-attachment text/html part.
    static func textCandidates(in root: MIMEPart) -> (plain: String?, html: String?) {
        var plain: String?
        var html: String?
        for part in parts(of: root) where !part.isAttachment {
            if plain == nil, part.mimeType == "text/plain", let text = part.text { plain = text }
            if html == nil, part.mimeType == "text/html", let text = part.text { html = text }
        }
        return (plain, html)
    }

    /// The best readable text: text/plain when it has content, else HTML converted to text, else whatever plain there is.
    static func bestText(of root: MIMEPart) -> String {
        let (plain, html) = textCandidates(in: root)
        if let plain, !plain.trimmingWSP().isEmpty { return plain }
        if let html { return HTMLText.extract(html) }
        return plain ?? ""
    }
}
