/// Finds line boundaries in bytes, accepting CRLF, LF or a lone CR.
enum LineScanner {
    struct Line {
        /// Index one past the last content byte (the terminator starts here).
        var contentEnd: Int
        /// Index of the next line's first byte.
        var next: Int
    }

    static func nextLine(_ bytes: [UInt8], from start: Int, end: Int) -> Line {
        var i = start
        while i < end {
            let b = bytes[i]
            if b == 10 { return Line(contentEnd: i, next: i + 1) }
            if b == 13 {
                if i + 1 < end, bytes[i + 1] == 10 { return Line(contentEnd: i, next: i + 2) }
                return Line(contentEnd: i, next: i + 1)
            }
            i += 1
        }
        return Line(contentEnd: end, next: end)
    }

    /// The index where the line break that ends just before `lineStart` begins (not before `floor`).
    static func breakStart(before lineStart: Int, in bytes: [UInt8], floor: Int) -> Int {
        var i = lineStart
        if i - 1 >= floor, bytes[i - 1] == 10 {
            i -= 1
            if i - 1 >= floor, bytes[i - 1] == 13 { i -= 1 }
        } else if i - 1 >= floor, bytes[i - 1] == 13 {
            i -= 1
        }
        return i
    }
}
