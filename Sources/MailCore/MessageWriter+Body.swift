/// The MIME body: a text/plain part always, plus an optional HTML alternative.
extension MessageWriter {
    /// Writes the Content-* headers, the blank line and the body.
    func writeBody(_ m: OutgoingMessage, into out: inout [UInt8]) throws(MessageWriterError) {
        guard let html = m.htmlBody else {
            m.textBody.withUTF8Bytes { text in
                let sevenBit = Self.isSevenBit(text)
                out.append(contentsOf: "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: ".utf8)
                out.append(contentsOf: (sevenBit ? "7bit\r\n\r\n" : "quoted-printable\r\n\r\n").utf8)
                Self.writeText(text, sevenBit: sevenBit, into: &out)
            }
            return
        }
        var textPart: [UInt8] = []
        var htmlPart: [UInt8] = []
        let textSevenBit = m.textBody.withUTF8Bytes { Self.encodePart($0, into: &textPart) }
        let htmlSevenBit = html.withUTF8Bytes { Self.encodePart($0, into: &htmlPart) }
        let boundary = try freshBoundary(avoiding: textPart, htmlPart)
        out.append(contentsOf: "Content-Type: multipart/alternative;\r\n boundary=\"".utf8)
        out.append(contentsOf: boundary.utf8)
        out.append(contentsOf: "\"\r\n\r\n".utf8)
        Self.writePart(boundary: boundary, type: "text/plain", sevenBit: textSevenBit, content: textPart, into: &out)
        Self.writePart(boundary: boundary, type: "text/html", sevenBit: htmlSevenBit, content: htmlPart, into: &out)
        out.append(contentsOf: "--".utf8)
        out.append(contentsOf: boundary.utf8)
        out.append(contentsOf: "--\r\n".utf8)
    }

    /// Encodes one part's text into `content`; true when it went out as 7bit.
    static func encodePart(_ text: UnsafeBufferPointer<UInt8>, into content: inout [UInt8]) -> Bool {
        let sevenBit = isSevenBit(text)
        content.reserveCapacity(text.count + text.count / 4 + 16)
        writeText(text, sevenBit: sevenBit, into: &content)
        return sevenBit
    }

    static func writePart(boundary: String, type: String, sevenBit: Bool, content: [UInt8], into out: inout [UInt8]) {
        out.append(contentsOf: "--".utf8)
        out.append(contentsOf: boundary.utf8)
        out.append(contentsOf: "\r\nContent-Type: ".utf8)
        out.append(contentsOf: type.utf8)
        out.append(contentsOf: "; charset=utf-8\r\nContent-Transfer-Encoding: ".utf8)
        out.append(contentsOf: (sevenBit ? "7bit\r\n\r\n" : "quoted-printable\r\n\r\n").utf8)
        out.append(contentsOf: content)
        out.append(13)
        out.append(10)
    }

    /// A boundary that is valid and occurs in none of the parts (a few attempts, then a typed error).
    func freshBoundary(avoiding text: [UInt8], _ html: [UInt8]) throws(MessageWriterError) -> String {
        var last = ""
        for _ in 0..<16 {
            let candidate = boundaries.makeBoundary()
            last = candidate
            guard Self.isValidBoundary(candidate) else { continue }
            let delimiter = Array(("--" + candidate).utf8)
            if !ByteSearch.contains(delimiter, in: text), !ByteSearch.contains(delimiter, in: html) { return candidate }
        }
        throw .boundaryUnusable(boundary: last)
    }

    static func isValidBoundary(_ b: String) -> Bool {
        let bytes = b.utf8
        guard (1...70).contains(bytes.count), bytes.last != 32 else { return false }
        return bytes.allSatisfy { c in
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: "_"), UInt8(ascii: ","),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"),
                UInt8(ascii: " "):
                return true
            default:
                return false
            }
        }
    }

    /// Whether text can go out as 7bit: plain ASCII lines of at most 76 octets, no trailing whitespace, no "From " or
    /// lone "." line.
    static func isSevenBit(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var clean = true
        LineSplitter.forEachLine(of: text, droppingFinalEmptyLine: true) { line in
            guard clean else { return }
            clean = line.count <= 76 && line.allSatisfy { ($0 >= 0x20 && $0 <= 0x7E) || $0 == 9 }
                && line.last != 32 && line.last != 9 && !QuotedPrintable.startsWithFrom(line)
                && !(line.count == 1 && line[0] == UInt8(ascii: "."))
        }
        return clean
    }

    /// Text as CRLF lines ending in CRLF: verbatim when 7bit, else quoted-printable.
    static func writeText(_ text: UnsafeBufferPointer<UInt8>, sevenBit: Bool, into out: inout [UInt8]) {
        LineSplitter.forEachLine(of: text, droppingFinalEmptyLine: true) { line in
            if sevenBit {
                out.append(contentsOf: line)
            } else {
                QuotedPrintable.appendLine(line, into: &out)
            }
            out.append(13)
            out.append(10)
        }
    }
}
