import Foundation
import MailCore

/// One line of a protocol dialogue, as safe to print: credentials are already replaced.
public struct TranscriptLine: Sendable, Equatable, CustomStringConvertible {
    /// Who produced the line.
    public enum Source: String, Sendable {
        /// The server (a reply or an untagged response).
        case server = "S"
        /// Us (a command).
        case client = "C"
        /// libcurl's own remark ("Connected to ...", "SSL connection using ...").
        case note = "*"
    }

    /// Who produced the line.
    public let source: Source
    /// The text without its line ending, at most 300 characters.
    public let text: String

    /// `S: 250 2.0.0 Ok`, `C: MAIL FROM:<a@b>`, `*: Connected to ...`.
    public var description: String { "\(source.rawValue): \(text)" }
}

/// The SMTP or IMAP dialogue of one connection, kept line by line with credentials removed.
///
/// Redaction happens as each line is recorded, before anything can see it: the argument of
/// `AUTH`, `LOGIN` and `AUTHENTICATE` and every client line of a SASL exchange become
/// `[redacted]`, and as a last resort any line containing a registered secret (or its base64
/// forms) is replaced whole. IMAP literals (message bodies) are summarised, not kept.
final class ProtocolTranscript {
    /// Called with every recorded line, e.g. to print the dialogue with `--verbose`.
    private let observer: (@Sendable (TranscriptLine) -> Void)?
    /// The password and the encoded forms sign-in sends it in, as bytes; never empty ones.
    private let secrets: [[UInt8]]
    private var pending: [TranscriptLine.Source: [UInt8]] = [:]
    private var insideAuthentication = false
    private var literalRemaining = 0
    private var mark = 0
    /// The lines recorded since `beginOperation()` (bounded to the last `capacity`).
    var lines: [TranscriptLine] { kept.count > capacity ? Array(kept.suffix(capacity)) : kept }
    /// Up to twice `capacity` lines: the oldest half goes at once, so a long dialogue does not
    /// shift the whole buffer for every line.
    private var kept: [TranscriptLine] = []
    private let capacity = 400

    /// A transcript that removes `password` (and the base64 forms SASL sends) from every line.
    init(username: String?, password: Secret?, observer: (@Sendable (TranscriptLine) -> Void)?) {
        self.observer = observer
        var secrets: [String] = []
        if let password = password?.revealed, !password.isEmpty {
            let user = username ?? ""
            secrets.append(password)
            secrets.append(Data(password.utf8).base64EncodedString())
            secrets.append(Data("\0\(user)\0\(password)".utf8).base64EncodedString())
            secrets.append(Data("\(user)\0\(user)\0\(password)".utf8).base64EncodedString())
            // XOAUTH2's initial response; OAUTHBEARER's holds host and port too, and goes in an AUTH line (redacted above).
            secrets.append(Data("user=\(user)\u{1}auth=Bearer \(password)\u{1}\u{1}".utf8).base64EncodedString())
        }
        self.secrets = secrets.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// Starts a new operation: `lines` then holds only what this operation exchanged.
    func beginOperation() {
        kept.removeAll(keepingCapacity: true)
    }

    /// Records bytes from one side; complete lines are redacted, kept and passed to the observer.
    func record(_ source: TranscriptLine.Source, _ bytes: UnsafeRawBufferPointer) {
        var buffer = pending[source, default: []]
        var index = 0
        while index < bytes.count {
            if source == .server && literalRemaining > 0 {
                // A literal (a message body) is skipped whole, not looked at byte by byte.
                let skipped = min(literalRemaining, bytes.count - index)
                literalRemaining -= skipped
                index += skipped
                if literalRemaining == 0 { buffer.removeAll(keepingCapacity: true) }
                continue
            }
            // Up to and including the next line feed, appended at once.
            let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline.map { $0 + 1 } ?? bytes.count
            buffer.append(contentsOf: bytes[index..<end])
            index = end
            if newline != nil {
                finishLine(source, buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        pending[source] = buffer
    }

    /// Records one server response that the caller has already read (literals cut out and
    /// replaced by `{N}` in `line`, their sizes in `literalSizes`): no second pass over the bytes.
    func record(serverResponse line: String, literalSizes: [Int]) {
        let shown = literalSizes.isEmpty ? line
            : line + " [" + literalSizes.map { "literal of \($0) bytes" }.joined(separator: ", ") + " not shown]"
        append(.server, redact(.server, shown))
    }

    /// The server's lines of the current operation, oldest first.
    var serverLines: [String] {
        lines.filter { $0.source == .server }.map(\.text)
    }

    private func finishLine(_ source: TranscriptLine.Source, _ raw: [UInt8]) {
        var end = raw.count
        while end > 0 && (raw[end - 1] == UInt8(ascii: "\n") || raw[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        let text = String(decoding: raw[..<end], as: UTF8.self)
        if source == .server, let size = Self.literalSize(raw[..<end]) {
            literalRemaining = size
            if size > 0 { append(.server, text + " [literal of \(size) bytes not shown]") }
            return
        }
        append(source, redact(source, text))
    }

    private func append(_ source: TranscriptLine.Source, _ text: String) {
        let line = TranscriptLine(source: source, text: String(text.prefix(300)))
        if kept.count >= 2 * capacity { kept.removeFirst(kept.count - capacity) }
        kept.append(line)
        observer?(line)
    }

    private func redact(_ source: TranscriptLine.Source, _ text: String) -> String {
        var result = text
        switch source {
        case .client:
            let words = text.split(separator: " ", omittingEmptySubsequences: true)
            let upper = words.map { $0.uppercased() }
            if upper.first == "AUTH" {
                insideAuthentication = true
                result = words.count > 2 ? "AUTH \(words[1]) [redacted]" : "AUTH \(words.dropFirst().joined(separator: " "))"
            } else if upper.count >= 2 && upper[1] == "LOGIN" {
                result = "\(words[0]) LOGIN [redacted]"
            } else if upper.count >= 2 && upper[1] == "AUTHENTICATE" {
                insideAuthentication = true
                result = upper.count > 3 ? "\(words[0]) AUTHENTICATE \(words[2]) [redacted]" : text
            } else if insideAuthentication {
                result = "[redacted]"
            }
        case .server:
            if insideAuthentication && !(text.hasPrefix("334") || text.hasPrefix("+")) {
                insideAuthentication = false
            }
        case .note:
            break
        }
        if !secrets.isEmpty, Self.containsAny(secrets, in: result) {
            result = "[redacted]"
        }
        return result
    }

    /// True when one of `needles` occurs in `text`'s bytes.
    private static func containsAny(_ needles: [[UInt8]], in text: String) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            needles.contains { needle in needle.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: hay) != nil } }
        }
    }

    /// The size of an IMAP literal announced at the end of a server line (`... {862}` or
    /// `{862+}`), if any.
    private static func literalSize(_ line: ArraySlice<UInt8>) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.endIndex - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }
}
