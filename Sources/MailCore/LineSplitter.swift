/// Splits text into lines at CRLF, LF or a lone CR.
enum LineSplitter {
    /// The lines of `text`; a trailing line break yields a final empty line.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        text.withUTF8Bytes { bytes in
            forEachLine(of: bytes, droppingFinalEmptyLine: false) { lines.append(String(decoding: $0, as: UTF8.self)) }
        }
        return lines
    }

    /// `text` with every line ending (CRLF, LF, lone CR) replaced by LF.
    static func normalizeToLF(_ text: String) -> String {
        var out: [UInt8] = []
        text.withUTF8Bytes { bytes in
            out.reserveCapacity(bytes.count)
            var first = true
            forEachLine(of: bytes, droppingFinalEmptyLine: false) { line in
                if !first { out.append(10) }
                out.append(contentsOf: line)
                first = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with each line of `bytes` (without its line break), in order; the text after the last line break is a
    /// final line, which may be empty, unless `droppingFinalEmptyLine` is set and it is empty and not the only line.
    static func forEachLine(
        of bytes: UnsafeBufferPointer<UInt8>, droppingFinalEmptyLine: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        var i = 0
        var count = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 10 || b == 13 {
                body(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                count += 1
                i += (b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if !(droppingFinalEmptyLine && start == bytes.count && count > 0) {
            body(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}
