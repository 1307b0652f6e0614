/// Splits multipart content at its boundary lines in one pass; tolerates a missing final boundary and a missing parameter.
enum MultipartSplitter {
    static func children(
        of bytes: [UInt8], _ range: Range<Int>, boundary declared: String?, subtype: String, depth: Int, budget: PartBudget
    ) -> [MIMEPart] {
        let defaultType = subtype == "multipart/digest" ? "message/rfc822" : "text/plain"
        guard let boundary = declared.flatMap({ $0.isEmpty ? nil : $0 }) ?? guessBoundary(bytes, range) else {
            return [fallbackChild(bytes, range, depth: depth, budget: budget)]
        }
        let ranges = partRanges(bytes, range, delimiter: Array(("--" + boundary).utf8))
        if ranges.isEmpty { return [fallbackChild(bytes, range, depth: depth, budget: budget)] }
        var children: [MIMEPart] = []
        for partRange in ranges {
            if budget.count >= MessageReader.maxParts { break }
            let block = HeaderBlockParser.parse(bytes, partRange)
            children.append(
                MessageReader.parsePart(
                    rawHeaders: block.fields, bytes, block.bodyStart..<partRange.upperBound, depth: depth + 1, budget: budget,
                    defaultType: defaultType))
        }
        return children
    }

    /// The content ranges between delimiter lines ("--boundary", optional trailing whitespace; "--boundary--" closes).
    static func partRanges(_ bytes: [UInt8], _ range: Range<Int>, delimiter: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var partStart: Int?
        var pos = range.lowerBound
        var closed = false
        while pos < range.upperBound {
            let line = LineScanner.nextLine(bytes, from: pos, end: range.upperBound)
            if let kind = delimiterKind(bytes, pos..<line.contentEnd, delimiter) {
                if let start = partStart {
                    let end = max(start, LineScanner.breakStart(before: pos, in: bytes, floor: start))
                    result.append(start..<end)
                }
                if kind == .close {
                    closed = true
                    break
                }
                partStart = line.next
            }
            pos = line.next
        }
        if !closed, let start = partStart, start <= range.upperBound {
            result.append(start..<range.upperBound)
        }
        return result
    }

    enum DelimiterKind { case open, close }

    static func delimiterKind(_ bytes: [UInt8], _ line: Range<Int>, _ delimiter: [UInt8]) -> DelimiterKind? {
        guard line.count >= delimiter.count else { return nil }
        for i in 0..<delimiter.count where bytes[line.lowerBound + i] != delimiter[i] { return nil }
        var i = line.lowerBound + delimiter.count
        var kind = DelimiterKind.open
        if i + 1 < line.upperBound, bytes[i] == 45, bytes[i + 1] == 45 {
            kind = .close
            i += 2
        }
        while i < line.upperBound {
            if bytes[i] != 32 && bytes[i] != 9 { return nil }
            i += 1
        }
        return kind
    }

    /// When the boundary parameter is missing: the first line that starts with "--" names it.
    static func guessBoundary(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var pos = range.lowerBound
        var lines = 0
        while pos < range.upperBound, lines < 200 {
            let line = LineScanner.nextLine(bytes, from: pos, end: range.upperBound)
            if line.contentEnd - pos > 2, bytes[pos] == 45, bytes[pos + 1] == 45 {
                let text = String(decoding: bytes[(pos + 2)..<line.contentEnd], as: UTF8.self).trimmingWSP()
                return text.isEmpty ? nil : text
            }
            pos = line.next
            lines += 1
        }
        return nil
    }

    static func fallbackChild(_ bytes: [UInt8], _ range: Range<Int>, depth: Int, budget: PartBudget) -> MIMEPart {
        MessageReader.parsePart(rawHeaders: [], bytes, range, depth: depth + 1, budget: budget, defaultType: "text/plain")
    }
}
