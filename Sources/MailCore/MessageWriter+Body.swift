/// The MIME body: a text/plain part always, plus an optional HTML alternative.
extension MessageWriter {
    struct RenderedBody {
        var headers: String
        var content: String
    }

    struct EncodedText {
        var transferEncoding: String
        var content: String
    }

    func bodyBlock(_ m: OutgoingMessage) throws(MessageWriterError) -> RenderedBody {
        let text = Self.encodeText(m.textBody)
        guard let html = m.htmlBody else {
            return RenderedBody(
                headers: "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: \(text.transferEncoding)\r\n",
                content: text.content)
        }
        let htmlPart = Self.encodeText(html)
        let boundary = try freshBoundary(avoiding: [text.content, htmlPart.content])
        var content = ""
        content += "--\(boundary)\r\n"
        content += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: \(text.transferEncoding)\r\n\r\n"
        content += text.content + "\r\n"
        content += "--\(boundary)\r\n"
        content += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: \(htmlPart.transferEncoding)\r\n\r\n"
        content += htmlPart.content + "\r\n"
        content += "--\(boundary)--\r\n"
        return RenderedBody(headers: "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n", content: content)
    }

    /// A boundary that is valid and occurs in none of the parts (a few attempts, then a typed error).
    func freshBoundary(avoiding parts: [String]) throws(MessageWriterError) -> String {
        var last = ""
        for _ in 0..<16 {
            let candidate = boundaries.makeBoundary()
            last = candidate
            guard Self.isValidBoundary(candidate) else { continue }
            if !parts.contains(where: { $0.contains("--" + candidate) }) { return candidate }
        }
        throw .boundaryUnusable(boundary: last)
    }

    static func isValidBoundary(_ b: String) -> Bool {
        let allowed = "'()+_,-./:=? "
        guard (1...70).contains(b.unicodeScalars.count), b.unicodeScalars.last != " " else { return false }
        return b.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || allowed.unicodeScalars.contains(s)
        }
    }

    /// Text as CRLF lines ending in CRLF: 7bit when plain ASCII with short, clean lines, else quoted-printable.
    static func encodeText(_ text: String) -> EncodedText {
        var lines = LineSplitter.lines(of: text)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        let sevenBit = lines.allSatisfy { line in
            line.utf8.count <= 76
                && line.unicodeScalars.allSatisfy { ($0.value >= 0x20 && $0.value <= 0x7E) || $0 == "\t" }
                && !line.hasSuffix(" ") && !line.hasSuffix("\t") && !line.hasPrefix("From ") && line != "."
        }
        if sevenBit {
            return EncodedText(transferEncoding: "7bit", content: lines.joined(separator: "\r\n") + "\r\n")
        }
        return EncodedText(transferEncoding: "quoted-printable", content: QuotedPrintable.encode(lines.joined(separator: "\n")) + "\r\n")
    }
}
