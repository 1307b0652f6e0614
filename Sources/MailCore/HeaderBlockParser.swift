/// Reads a header block from raw bytes: any line ending, unfolding, 8-bit values as UTF-8 else Windows-1252.
enum HeaderBlockParser {
    static let maxFields = 1_000
    /// The most bytes of one field's value that are kept (64 KiB, far beyond any real field:
    /// a long References chain is a few KiB); the rest of an absurdly long field is dropped.
    static let maxValueBytes = 64 << 10

    struct Result {
        var fields: [HeaderField]
        var bodyStart: Int
    }

    /// Parses header lines starting at `range.lowerBound` until a blank line, a line that is not a header, or the end.
    static func parse(_ bytes: [UInt8], _ range: Range<Int>, skipMboxLine: Bool = false) -> Result {
        var pos = range.lowerBound
        let end = range.upperBound
        if skipMboxLine, startsWith(bytes, pos, end, "From ") {
            pos = LineScanner.nextLine(bytes, from: pos, end: end).next
        }
        var names: [String] = []
        var values: [[UInt8]] = []
        var bodyStart = end
        while pos < end {
            let line = LineScanner.nextLine(bytes, from: pos, end: end)
            if line.contentEnd == pos {
                bodyStart = line.next
                break
            }
            let first = bytes[pos]
            if first == 32 || first == 9 {
                if !values.isEmpty, values.count <= maxFields {
                    let room = maxValueBytes - values[values.count - 1].count
                    if room > 0 { values[values.count - 1] += bytes[pos..<min(line.contentEnd, pos + room)] }
                }
                pos = line.next
                continue
            }
            guard let colon = bytes[pos..<line.contentEnd].firstIndex(of: 58), let name = fieldName(bytes, pos..<colon) else {
                bodyStart = pos
                break
            }
            if names.count < maxFields {
                names.append(name)
                values.append(Array(bytes[(colon + 1)..<min(line.contentEnd, colon + 1 + maxValueBytes)]))
            }
            pos = line.next
        }
        var fields: [HeaderField] = []
        fields.reserveCapacity(names.count)
        for (name, value) in zip(names, values) {
            fields.append(HeaderField(name: name, value: Charset.utf8OrWindows1252(value).trimmingWSP()))
        }
        return Result(fields: fields, bodyStart: bodyStart)
    }

    private static func fieldName(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var upper = range.upperBound
        while upper > range.lowerBound, bytes[upper - 1] == 32 || bytes[upper - 1] == 9 { upper -= 1 }
        guard upper > range.lowerBound, upper - range.lowerBound <= 200 else { return nil }
        for b in bytes[range.lowerBound..<upper] where b < 33 || b > 126 { return nil }
        return String(decoding: bytes[range.lowerBound..<upper], as: UTF8.self)
    }

    static func startsWith(_ bytes: [UInt8], _ pos: Int, _ end: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard end - pos >= p.count else { return false }
        for (i, b) in p.enumerated() where bytes[pos + i] != b { return false }
        return true
    }
}
