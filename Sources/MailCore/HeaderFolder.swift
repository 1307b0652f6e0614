/// Folds header fields into CRLF lines: soft limit 76 octets, hard limit 998 octets.
enum HeaderFolder {
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
