extension CSVReader {
    /// Skips a UTF-8 byte-order mark, rejects UTF-16, and detects the delimiter when none was given.
    mutating func start() throws(CSVError) {
        if source.peek(0) == 0xEF, source.peek(1) == 0xBB, source.peek(2) == 0xBF {
            source.advance(3)
        } else if (source.peek(0) == 0xFF && source.peek(1) == 0xFE) || (source.peek(0) == 0xFE && source.peek(1) == 0xFF) {
            finished = true
            throw CSVError(line: 1, message: "the file is UTF-16 text; save it as \"CSV UTF-8\"")
        }
        if delimiter == nil {
            delimiter = detectDelimiter()
        }
    }

    /// The most frequent of `,` `;` and tab outside quotes on the header line (`,` when none or tied).
    private mutating func detectDelimiter() -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var inQuotes = false
        var offset = 0
        while offset < Self.detectionLimit, let byte = source.peek(offset) {
            offset += 1
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == 0x0A || byte == 0x0D { break }
                if let position = candidates.firstIndex(of: byte) {
                    counts[position] += 1
                }
            }
        }
        var best = 0
        for position in 1..<candidates.count where counts[position] > counts[best] {
            best = position
        }
        return candidates[best]
    }
}
