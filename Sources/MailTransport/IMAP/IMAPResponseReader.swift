/// Cuts the server's byte stream into whole IMAP responses as the bytes arrive.
///
/// Literal-aware from the first byte: a line ending in `{N}` (or `{N+}`, `~{N}`) is followed by
/// exactly N bytes that belong to the response whatever they contain, so no line inside a message
/// body can end a response or the command. Bytes may arrive in any pieces, one at a time included.
/// A line longer than `maxLineBytes` or a literal larger than `maxLiteralBytes` is refused rather
/// than buffered without end.
struct IMAPResponseReader {
    /// Why the stream cannot be read further.
    enum Failure: Error, Equatable {
        /// A response line (literals excluded) grew past `maxLineBytes`.
        case lineTooLong(Int)
        /// A literal announced more than `maxLiteralBytes`.
        case literalTooLarge(Int)
    }

    /// The longest response text (without its literals) accepted: a SEARCH of a million UIDs fits.
    let maxLineBytes: Int
    /// The largest literal accepted: callers that read large messages ask for a part of them.
    let maxLiteralBytes: Int

    private var buffer: [UInt8] = []
    /// Bytes of `buffer` before this index are consumed.
    private var start = 0
    /// How far the search for the next line feed has looked, so no byte is scanned twice.
    private var scanned = 0
    /// The response in progress: its text so far, its literals, and the size of the literal awaited.
    private var text: [UInt8] = []
    private var literals: [[UInt8]] = []
    private var awaitedLiteral: Int?

    /// A reader with the given limits.
    init(maxLineBytes: Int = 16 << 20, maxLiteralBytes: Int = 512 << 20) {
        self.maxLineBytes = maxLineBytes
        self.maxLiteralBytes = maxLiteralBytes
    }

    /// True when no byte of a response is waiting: everything received has been returned.
    var isEmpty: Bool { start == buffer.count && text.isEmpty && awaitedLiteral == nil }

    /// Adds bytes received from the server.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes received from the server.
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next whole response, or nil until more bytes arrive.
    mutating func next() throws(Failure) -> IMAPResponse? {
        while true {
            if let size = awaitedLiteral {
                guard buffer.count - start >= size else { return nil }
                literals.append(Array(buffer[start..<(start + size)]))
                start += size
                scanned = start
                awaitedLiteral = nil
                continue
            }
            guard let lineFeed = nextLineFeed() else {
                if text.count + (buffer.count - start) > maxLineBytes { throw .lineTooLong(text.count + buffer.count - start) }
                return nil
            }
            var end = lineFeed
            if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = buffer[start..<end]
            start = lineFeed + 1
            scanned = start
            text.append(contentsOf: line)
            if text.count > maxLineBytes { throw .lineTooLong(text.count) }
            if let size = Self.literalSize(line) {
                guard size <= maxLiteralBytes else { throw .literalTooLarge(size) }
                awaitedLiteral = size
                continue
            }
            defer {
                text.removeAll(keepingCapacity: true)
                literals.removeAll()
            }
            if text.isEmpty && literals.isEmpty { continue }  // a stray empty line
            return IMAPResponse(line: text, literals: literals)
        }
    }

    /// What is left when the stream ends: a response cut short (its literal or its line
    /// incomplete), marked as such, or nil when the stream ended between responses.
    mutating func unfinished() -> IMAPResponse? {
        guard !isEmpty else { return nil }
        if let size = awaitedLiteral {
            let available = min(size, buffer.count - start)
            literals.append(Array(buffer[start..<(start + available)]))
        } else {
            text.append(contentsOf: buffer[start...])
        }
        var response = IMAPResponse(line: text, literals: literals)
        response.isComplete = false
        buffer.removeAll()
        start = 0
        scanned = 0
        text.removeAll()
        literals.removeAll()
        awaitedLiteral = nil
        return response
    }

    private mutating func nextLineFeed() -> Int? {
        guard scanned < buffer.count else { return nil }
        if let index = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) { return index }
        scanned = buffer.count
        return nil
    }

    /// Drops consumed bytes once they are most of the buffer, so a long stream stays small.
    private mutating func compact() {
        guard start > 0, start >= 64 * 1024 || start == buffer.count, start * 2 >= buffer.count else { return }
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
    }

    /// N when `line` ends with a literal announcement: `{N}`, `{N+}` or `~{N}`.
    static func literalSize(_ line: ArraySlice<UInt8>) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.endIndex - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 12,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
