import Foundation
@testable import MailCore

// TEMPORARY: the pre-optimisation writer, kept only to compare bytes with the new one.
/// Renders an `OutgoingMessage` as RFC 5322 / MIME bytes with CRLF line ends, refusing anything that could inject headers.
struct LegacyMessageWriter: Sendable {
    /// Where multipart boundaries come from (inject a seeded one for reproducible output).
    let boundaries: any BoundaryGenerator

    /// Creates a writer that draws boundaries from `boundaries`.
    init(boundaries: any BoundaryGenerator) {
        self.boundaries = boundaries
    }

    /// The complete message: headers, blank line, body; every line ends in CRLF and is at most 998 octets.
    func render(_ message: OutgoingMessage) throws(MessageWriterError) -> [UInt8] {
        var head = try headerBlock(message)
        let body = try bodyBlock(message)
        head += body.headers
        return Array((head + "\r\n" + body.content).utf8)
    }

    /// The standard and extra header lines, in a fixed order, without the Content-* headers.
    func headerBlock(_ m: OutgoingMessage) throws(MessageWriterError) -> String {
        guard !m.to.isEmpty else { throw .noRecipients }
        var out = ""
        out += try LegacyHeaderFolder.fold(name: "Date", chunks: [LegacyDate.format(m.date, utcOffsetSeconds: m.utcOffsetSeconds)])
        out += try addressHeader("From", [m.from])
        if let replyTo = m.replyTo { out += try addressHeader("Reply-To", [replyTo]) }
        out += try addressHeader("To", m.to)
        out += try unstructuredHeader("Subject", m.subject)
        out += try LegacyHeaderFolder.fold(name: "Message-ID", chunks: [try checkedID(m.messageID, field: "Message-ID")])
        if let parent = m.inReplyTo {
            out += try LegacyHeaderFolder.fold(name: "In-Reply-To", chunks: [try checkedID(parent, field: "In-Reply-To")])
        }
        if !m.references.isEmpty {
            var ids: [String] = []
            for (i, id) in m.references.enumerated() { ids.append(try checkedID(id, field: "References[\(i)]")) }
            out += try LegacyHeaderFolder.fold(name: "References", chunks: ids)
        }
        out += try unsubscribeHeaders(mailto: m.listUnsubscribeMailto, url: m.listUnsubscribeURL)
        out += "MIME-Version: 1.0\r\n"
        for field in m.extraHeaders {
            try LegacyHeaderRules.checkExtraName(field.name)
            out += try unstructuredHeader(field.name, field.value, field: "header \(field.name)")
        }
        return out
    }

    /// A header holding addresses, display names encoded as needed, folded between words and addresses.
    func addressHeader(_ name: String, _ addresses: [MailAddress]) throws(MessageWriterError) -> String {
        var chunks: [String] = []
        for (index, address) in addresses.enumerated() {
            let field = addresses.count == 1 ? name : "\(name)[\(index)]"
            var parts = try LegacyHeaderRules.addressChunks(address, field: field, firstWordLimit: index == 0 ? 76 - name.utf8.count - 2 : 75)
            if index < addresses.count - 1, let last = parts.popLast() { parts.append(last + ",") }
            chunks += parts
        }
        return try LegacyHeaderFolder.fold(name: name, chunks: chunks)
    }

    /// An unstructured header: plain ASCII kept verbatim (folded at its own whitespace), anything else as encoded words.
    func unstructuredHeader(_ name: String, _ value: String, field: String? = nil) throws(MessageWriterError) -> String {
        try LegacyHeaderRules.checkInjection(value, field: field ?? name)
        if LegacyHeaderRules.isPlainUnstructured(value) {
            return try LegacyHeaderFolder.foldPreservingWhitespace(name: name, value: value)
        }
        let words = LegacyRFC2047.encodeWords(value, firstWordLimit: 76 - name.utf8.count - 2)
        return try LegacyHeaderFolder.fold(name: name, chunks: words)
    }

    func checkedID(_ id: MessageID, field: String) throws(MessageWriterError) -> String {
        try LegacyHeaderRules.checkInjection(id.value, field: field)
        try LegacyHeaderRules.checkMessageID(id.value, field: field)
        return id.bracketed
    }

    /// RFC 2369 List-Unsubscribe, plus RFC 8058 one-click only when an https URL is configured.
    func unsubscribeHeaders(mailto: String?, url: String?) throws(MessageWriterError) -> String {
        var targets: [String] = []
        if let mailto {
            try LegacyHeaderRules.checkInjection(mailto, field: "List-Unsubscribe mailto")
            try LegacyHeaderRules.checkUnsubscribe(mailto, scheme: "mailto:", field: "List-Unsubscribe mailto")
            targets.append("<" + mailto + ">")
        }
        if let url {
            try LegacyHeaderRules.checkInjection(url, field: "List-Unsubscribe URL")
            try LegacyHeaderRules.checkUnsubscribe(url, scheme: "https://", field: "List-Unsubscribe URL")
            targets.append("<" + url + ">")
        }
        guard !targets.isEmpty else { return "" }
        for i in targets.indices.dropLast() { targets[i] += "," }
        var out = try LegacyHeaderFolder.fold(name: "List-Unsubscribe", chunks: targets)
        if url != nil { out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" }
        return out
    }
}

/// The MIME body: a text/plain part always, plus an optional HTML alternative.
extension LegacyMessageWriter {
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
        var lines = LegacyLineSplitter.lines(of: text)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        let sevenBit = lines.allSatisfy { line in
            line.utf8.count <= 76
                && line.unicodeScalars.allSatisfy { ($0.value >= 0x20 && $0.value <= 0x7E) || $0 == "\t" }
                && !line.hasSuffix(" ") && !line.hasSuffix("\t") && !line.hasPrefix("From ") && line != "."
        }
        if sevenBit {
            return EncodedText(transferEncoding: "7bit", content: lines.joined(separator: "\r\n") + "\r\n")
        }
        return EncodedText(transferEncoding: "quoted-printable", content: LegacyQuotedPrintable.encode(lines.joined(separator: "\n")) + "\r\n")
    }
}

/// Splits text into lines at CRLF, LF or a lone CR.
enum LegacyLineSplitter {
    /// The lines of `text`; a trailing line break yields a final empty line.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previousWasCR { previousWasCR = false; continue }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else if scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = true
                continue
            } else {
                current.append(scalar)
            }
            previousWasCR = false
        }
        lines.append(String(current))
        return lines
    }

    /// `text` with every line ending (CRLF, LF, lone CR) replaced by LF.
    static func normalizeToLF(_ text: String) -> String {
        lines(of: text).joined(separator: "\n")
    }
}

/// Quoted-printable (RFC 2045 §6.7) body encoding with 76-character lines, and tolerant decoding.
enum LegacyQuotedPrintable {
    static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes text (any line ending) as quoted-printable with CRLF hard breaks and "=" soft breaks; output lines are at most 76 octets.
    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        let lines = LegacyLineSplitter.lines(of: text)
        for (index, line) in lines.enumerated() {
            encodeLine(Array(line.utf8), into: &out)
            if index < lines.count - 1 { out += [13, 10] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func encodeLine(_ bytes: [UInt8], into out: inout [UInt8]) {
        var lineLength = 0
        for (i, b) in bytes.enumerated() {
            let isLast = i == bytes.count - 1
            let literal: Bool
            if b == 32 || b == 9 {
                literal = !isLast
            } else if b == 61 || b < 32 || b > 126 {
                literal = false
            } else if i == 0, b == UInt8(ascii: "F"), bytes.starts(with: Array("From ".utf8)) {
                literal = false  // keep mbox readers from mangling the line
            } else if i == 0, b == UInt8(ascii: "."), bytes.count == 1 {
                literal = false
            } else {
                literal = true
            }
            let piece: [UInt8] = literal ? [b] : [61, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]]
            // Reserve one column for a soft break unless this is the final piece of the line.
            let limit = isLast ? 76 : 75
            if lineLength + piece.count > limit {
                out += [61, 13, 10]
                lineLength = 0
            }
            out += piece
            lineLength += piece.count
        }
    }

    /// Decodes quoted-printable bytes: "=XX" escapes, soft breaks ("=" before CRLF, LF or CR), trailing whitespace on lines dropped; malformed "=" kept literally.
    static func decode(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        var lineStartInOut = 0
        var protectedEnd = 0  // escaped bytes (e.g. "=20") are content, never trimmed
        while i < input.count {
            let b = input[i]
            if b == 61 {
                if let h = hexValue(at: i + 1, in: input), let l = hexValue(at: i + 2, in: input) {
                    out.append(h << 4 | l)
                    protectedEnd = out.count
                    i += 3
                    continue
                }
                // Soft line break: "=" then optional whitespace then a line end (or end of input).
                var j = i + 1
                while j < input.count, input[j] == 32 || input[j] == 9 { j += 1 }
                if j >= input.count { i = j; continue }
                if input[j] == 13 {
                    i = (j + 1 < input.count && input[j + 1] == 10) ? j + 2 : j + 1
                    continue
                }
                if input[j] == 10 { i = j + 1; continue }
                out.append(b)
                i += 1
                continue
            }
            if b == 13 || b == 10 {
                trimTrailingWhitespace(&out, from: max(lineStartInOut, protectedEnd))
                out.append(b)
                lineStartInOut = out.count
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        trimTrailingWhitespace(&out, from: max(lineStartInOut, protectedEnd))
        return out
    }

    /// Decodes a quoted-printable string's UTF-8 bytes.
    static func decode(_ text: String) -> [UInt8] {
        decode(Array(text.utf8))
    }

    private static func trimTrailingWhitespace(_ out: inout [UInt8], from start: Int) {
        while out.count > start, let last = out.last, last == 32 || last == 9 { out.removeLast() }
    }

    static func hexValue(at index: Int, in input: [UInt8]) -> UInt8? {
        guard index >= 0, index < input.count else { return nil }
        return hexValue(input[index])
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
}

/// RFC 2047 encoded words: encoding UTF-8 text into words of at most 75 characters, and decoding B/Q words in any charset.
enum LegacyRFC2047 {
    /// The longest encoded word RFC 2047 allows.
    static let maxWordLength = 75

    /// Encodes `text` as space-separated UTF-8 encoded words, none longer than 75 characters.
    static func encode(_ text: String) -> String {
        encodeWords(text).joined(separator: " ")
    }

    /// Encodes `text` as UTF-8 encoded words; the first word is at most `firstWordLimit` characters, the rest at most
    /// `wordLimit` (both clamped to 16...75). Words never split a character's UTF-8 bytes, and split grapheme clusters only
    /// when one alone would not fit. Q is used when it is no longer than B.
    static func encodeWords(_ text: String, firstWordLimit: Int = maxWordLength, wordLimit: Int = maxWordLength) -> [String] {
        let bytes = Array(text.utf8)
        let qCost = bytes.reduce(0) { $0 + (qLiteral($1) ? 1 : 3) }
        let useQ = qCost <= (bytes.count + 2) / 3 * 4
        var words: [String] = []
        var current: [UInt8] = []
        var limit = max(24, min(maxWordLength, firstWordLimit))
        let nextLimit = max(24, min(maxWordLength, wordLimit))
        func cost(_ payload: [UInt8]) -> Int {
            12 + (useQ ? payload.reduce(0) { $0 + (qLiteral($1) ? 1 : 3) } : (payload.count + 2) / 3 * 4)
        }
        func flush() {
            guard !current.isEmpty else { return }
            words.append(word(current, useQ: useQ))
            current = []
            limit = nextLimit
        }
        for piece in units(of: text, limit: nextLimit) {
            if current.isEmpty, cost(piece) > limit { limit = nextLimit }
            if cost(current + piece) > limit { flush() }
            current += piece
        }
        flush()
        if words.isEmpty { words.append(word([], useQ: true)) }
        return words
    }

    /// The UTF-8 byte groups that must not be split: grapheme clusters, or single scalars for oversized clusters.
    private static func units(of text: String, limit: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        let maxPayloadBytes = (limit - 12) / 4 * 3 / 3  // conservative: worst-case Q cost is 3 per byte
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if bytes.count <= maxPayloadBytes {
                result.append(bytes)
            } else {
                for scalar in ch.unicodeScalars { result.append(Array(String(scalar).utf8)) }
            }
        }
        return result
    }

    private static func word(_ payload: [UInt8], useQ: Bool) -> String {
        if useQ {
            var body = ""
            for b in payload {
                if b == 32 { body += "_" } else if qLiteral(b) { body.unicodeScalars.append(Unicode.Scalar(b)) } else {
                    body += "=" + String(decoding: [LegacyQuotedPrintable.hexDigits[Int(b >> 4)], LegacyQuotedPrintable.hexDigits[Int(b & 15)]], as: UTF8.self)
                }
            }
            return "=?utf-8?Q?" + body + "?="
        }
        return "=?utf-8?B?" + Base64.encode(payload) + "?="
    }

    /// Bytes written literally in Q encoding (the "phrase"-safe set of RFC 2047 §5(3), plus space written as "_").
    static func qLiteral(_ b: UInt8) -> Bool {
        switch b {
        case 48...57, 65...90, 97...122: return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), 32: return true
        default: return false
        }
    }

    /// Decodes every encoded word in `text`; whitespace between adjacent encoded words is dropped, other text is kept.
    static func decode(_ text: String) -> String {
        RFC2047Decoder.decode(text)
    }
}

/// Folds header fields into CRLF lines: soft limit 76 octets, hard limit 998 octets.
enum LegacyHeaderFolder {
    static let softLimit = 76
    static let hardLimit = 998

    /// Joins unbreakable chunks with single spaces, folding (CRLF + space) between chunks when a line would pass 76.
    static func fold(name: String, chunks: [String]) throws(MessageWriterError) -> String {
        var lines: [String] = []
        var line = name + ":"
        var lineLength = line.utf8.count
        var lineHasChunk = false
        for chunk in chunks {
            let length = chunk.utf8.count
            if !lineHasChunk || lineLength + 1 + length <= softLimit {
                line += " " + chunk
                lineLength += 1 + length
            } else {
                lines.append(line)
                line = " " + chunk
                lineLength = 1 + length
            }
            lineHasChunk = true
        }
        lines.append(line)
        return try finish(name: name, lines: lines)
    }

    /// Folds an unstructured ASCII value by inserting CRLF before existing whitespace, so unfolding restores it exactly.
    static func foldPreservingWhitespace(name: String, value: String) throws(MessageWriterError) -> String {
        var pieces: [String] = []
        var current = ""
        for scalar in value.unicodeScalars {
            if (scalar == " " || scalar == "\t"), !current.isEmpty, !(current.unicodeScalars.last.map { $0 == " " || $0 == "\t" } ?? false) {
                pieces.append(current)
                current = ""
            }
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { pieces.append(current) }
        var lines: [String] = []
        var line = name + ": "
        var lineHasPiece = false
        for piece in pieces {
            if lineHasPiece, line.utf8.count + piece.utf8.count > softLimit {
                lines.append(line)
                line = piece
            } else {
                line += piece
            }
            lineHasPiece = true
        }
        lines.append(line)
        return try finish(name: name, lines: lines)
    }

    private static func finish(name: String, lines: [String]) throws(MessageWriterError) -> String {
        for line in lines where line.utf8.count > hardLimit {
            throw .lineTooLong(field: name)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// Validation and encoding rules the writer applies to every value that came from data.
enum LegacyHeaderRules {
    /// Header names the writer owns or must never send; extra headers may not use them.
    static let reservedNames: Set<String> = [
        "bcc", "resent-bcc", "date", "from", "sender", "reply-to", "to", "cc", "subject", "message-id", "in-reply-to",
        "references", "mime-version", "content-type", "content-transfer-encoding", "list-unsubscribe",
        "list-unsubscribe-post",
    ]

    /// Throws when `value` holds CR, LF or NUL: the characters that could end this header and start another.
    static func checkInjection(_ value: String, field: String) throws(MessageWriterError) {
        for scalar in value.unicodeScalars where scalar == "\r" || scalar == "\n" || scalar == "\0" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
            throw .forbiddenCharacter(field: field, character: ScalarName.of(scalar))
        }
    }

    static func checkExtraName(_ name: String) throws(MessageWriterError) {
        try checkInjection(name, field: "extra header name")
        guard !name.isEmpty, name.utf8.count <= 76, name.unicodeScalars.allSatisfy({ $0.value >= 33 && $0.value <= 126 && $0 != ":" }) else {
            throw .invalidHeaderName(name: name)
        }
        if reservedNames.contains(name.lowercased()) { throw .forbiddenHeader(name: name) }
    }

    /// Plain ASCII that can be written as-is: printable or tab, no edge whitespace, no "=?", no overlong word.
    static func isPlainUnstructured(_ value: String) -> Bool {
        guard !value.isEmpty else { return true }
        var wordLength = 0
        for scalar in value.unicodeScalars {
            guard (scalar.value >= 0x20 && scalar.value <= 0x7E) || scalar == "\t" else { return false }
            if scalar == " " || scalar == "\t" { wordLength = 0 } else { wordLength += 1 }
            if wordLength > 900 { return false }
        }
        if value.contains("=?") { return false }
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return true }
        return !(first == " " || first == "\t" || last == " " || last == "\t")
    }

    static func checkMessageID(_ value: String, field: String) throws(MessageWriterError) {
        let ok = value.utf8.count <= 900 && value.contains("@")
            && value.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" && $0 != "\"" }
            && !value.hasPrefix("@") && !value.hasSuffix("@")
        if !ok { throw .invalidMessageID(field: field, value: value) }
    }

    static func checkUnsubscribe(_ value: String, scheme: String, field: String) throws(MessageWriterError) {
        let ok = value.lowercased().hasPrefix(scheme) && value.utf8.count > scheme.utf8.count && value.utf8.count <= 900
            && value.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" && $0 != "," }
        if !ok { throw .invalidUnsubscribe(field: field, value: value) }
    }

    /// The unbreakable pieces of one address: display-name words (or encoded words), then "<local@domain>".
    static func addressChunks(_ address: MailAddress, field: String, firstWordLimit: Int) throws(MessageWriterError) -> [String] {
        try checkInjection(address.localPart, field: "\(field) local part")
        try checkInjection(address.domain, field: "\(field) domain")
        let spec = try addrSpec(address, field: field)
        guard let rawName = address.displayName else { return [spec] }
        try checkInjection(rawName, field: "\(field) display name")
        let name = AddressParser.collapseWhitespace(rawName)
        guard !name.isEmpty else { return [spec] }
        let asciiPrintable = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value <= 0x7E }
        if asciiPrintable, !name.contains("=?") {
            let phrase = AddressParser.formatPhrase(name)
            if phrase.hasPrefix("\"") {
                if phrase.utf8.count <= 200 { return [phrase, "<" + spec + ">"] }
            } else {
                return phrase.split(separator: " ").map(String.init) + ["<" + spec + ">"]
            }
        }
        return LegacyRFC2047.encodeWords(name, firstWordLimit: firstWordLimit) + ["<" + spec + ">"]
    }

    /// Validates and formats `local@domain` (ASCII only; SMTPUTF8 addresses are not produced here).
    static func addrSpec(_ address: MailAddress, field: String) throws(MessageWriterError) -> String {
        let local = address.localPart
        let domain = address.domain
        let raw = local + "@" + domain
        if local.isEmpty { throw .invalidAddress(field: field, value: raw, reason: "the local part is empty") }
        if domain.isEmpty { throw .invalidAddress(field: field, value: raw, reason: "the domain is empty") }
        guard local.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
            throw .invalidAddress(field: field, value: raw, reason: "the local part is not printable ASCII (SMTPUTF8 is not supported)")
        }
        let domainOK = domain.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "." || scalar == "[" || scalar == "]" || scalar == ":"
        }
        guard domainOK, !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            throw .invalidAddress(field: field, value: raw, reason: "the domain must be letters, digits, hyphens and dots (use punycode for IDNs)")
        }
        let spec = AddressParser.formatLocalPart(local) + "@" + domain
        if spec.utf8.count > 900 { throw .invalidAddress(field: field, value: raw, reason: "the address is too long") }
        return spec
    }
}

enum LegacyDate {
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date, utcOffsetSeconds: Int) -> String {
        let offset = max(-86_340, min(86_340, utcOffsetSeconds))
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let clamped = max(-62_000_000_000, min(250_000_000_000, seconds))
        let local = Int64(clamped) + Int64(offset)
        let days = RFC5322Date.floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = RFC5322Date.civil(fromDays: days)
        let weekday = Int(((days % 7) + 7 + 4) % 7)
        let hour = secondOfDay / 3600
        let minute = (secondOfDay % 3600) / 60
        let second = secondOfDay % 60
        let sign = offset < 0 ? "-" : "+"
        let absOffset = abs(offset) / 60
        return "\(dayNames[weekday]), \(pad(day, 2)) \(monthNames[Int(month) - 1]) \(pad(year, 4)) "
            + "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)) \(sign)\(pad(Int64(absOffset / 60), 2))\(pad(Int64(absOffset % 60), 2))"
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(abs(value))
        let padding = String(repeating: "0", count: max(0, width - text.count))
        return (value < 0 ? "-" : "") + padding + text
    }
}
