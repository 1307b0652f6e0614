/// Folds one header field into CRLF lines as it is written: soft limit 76 octets, hard limit 998 octets.
///
/// Chunks are unbreakable: `beginChunk(length:into:)` writes the separator (a space, or CRLF and a space when the
/// line would pass 76 octets), then the caller appends exactly `length` octets of the chunk.
struct HeaderFolder {
    static let softLimit = 76
    static let hardLimit = 998

    /// The field name, for the error when a line cannot fit.
    let name: String
    private var lineLength: Int
    private var lineHasChunk = false
    private var tooLong = false

    /// Starts the field by writing "Name:".
    init(name: String, into out: inout [UInt8]) {
        self.name = name
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ":"))
        lineLength = name.utf8.count + 1
    }

    /// Writes what goes before a chunk of `length` octets: a space, or a fold when the line would pass 76 octets.
    mutating func beginChunk(length: Int, into out: inout [UInt8]) {
        if !lineHasChunk || lineLength + 1 + length <= Self.softLimit {
            out.append(32)
            lineLength += 1 + length
        } else {
            if lineLength > Self.hardLimit { tooLong = true }
            out.append(13)
            out.append(10)
            out.append(32)
            lineLength = 1 + length
        }
        lineHasChunk = true
    }

    /// Writes one chunk of text, inside "<" and ">" when `bracketed`, and with a comma after it when `comma` is set.
    mutating func chunk(_ text: String, bracketed: Bool = false, comma: Bool = false, into out: inout [UInt8]) {
        beginChunk(length: text.utf8.count + (bracketed ? 2 : 0) + (comma ? 1 : 0), into: &out)
        if bracketed { out.append(UInt8(ascii: "<")) }
        out.append(contentsOf: text.utf8)
        if bracketed { out.append(UInt8(ascii: ">")) }
        if comma { out.append(UInt8(ascii: ",")) }
    }

    /// Ends the field with CRLF; throws when any of its lines is longer than 998 octets.
    func finish(into out: inout [UInt8]) throws(MessageWriterError) {
        guard end(into: &out) else { throw .lineTooLong(field: name) }
    }

    /// Ends the field with CRLF; false when any of its lines is longer than 998 octets.
    func end(into out: inout [UInt8]) -> Bool {
        out.append(13)
        out.append(10)
        return !(tooLong || lineLength > Self.hardLimit)
    }

    /// Writes a field of one unbreakable value, e.g. "Date: …" or "Message-ID: <…>".
    static func single(name: String, value: String, bracketed: Bool = false, into out: inout [UInt8]) throws(MessageWriterError) {
        var folder = HeaderFolder(name: name, into: &out)
        folder.chunk(value, bracketed: bracketed, into: &out)
        try folder.finish(into: &out)
    }

    /// Writes an unstructured ASCII value, folding by inserting CRLF before existing whitespace so unfolding restores it;
    /// false when a line would pass 998 octets.
    static func foldPreservingWhitespace(name: String, value: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ":"))
        out.append(32)
        var lineLength = name.utf8.count + 2
        var tooLong = false
        var lineHasPiece = false
        var start = 0
        // A piece is a run of whitespace and the word after it; a fold may only come before a piece.
        while start < value.count {
            var end = start + 1
            while end < value.count, !(isWSP(value[end]) && !isWSP(value[end - 1])) { end += 1 }
            let length = end - start
            if lineHasPiece, lineLength + length > softLimit {
                if lineLength > hardLimit { tooLong = true }
                out.append(13)
                out.append(10)
                lineLength = 0
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<end]))
            lineLength += length
            lineHasPiece = true
            start = end
        }
        out.append(13)
        out.append(10)
        return !(tooLong || lineLength > hardLimit)
    }

    static func isWSP(_ b: UInt8) -> Bool {
        b == 32 || b == 9
    }
}
