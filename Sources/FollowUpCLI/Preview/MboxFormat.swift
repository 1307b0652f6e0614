import Foundation
import MailCore

/// The mboxrd container (one file, many messages) that `preview --format mbox` writes, which mail
/// clients and `mutt -f` open as a folder.
///
/// Each message is a `From ` separator line, the message's bytes unchanged except that a line
/// starting with `From `, or with `>`s and then `From `, gets one more `>` (mboxrd quoting, which
/// readers undo), and a blank line. followup's own writer never starts a line with `From `.
enum MboxFormat {
    /// `From sender@example.com Tue Dec  1 09:00:00 2026` and a line end, the date in UTC.
    static func separator(sender: String, date: Date) -> String {
        // "Tue, 01 Dec 2026 09:00:00 +0000" → "Tue Dec  1 09:00:00 2026"
        let fields = RFC5322Date.format(date, utcOffsetSeconds: 0).split(separator: " ")
        guard fields.count == 6 else { return "From \(sender) Thu Jan  1 00:00:00 1970\n" }
        let day = fields[1].hasPrefix("0") ? " " + fields[1].dropFirst() : fields[1]
        return "From \(sender) \(fields[0].dropLast()) \(fields[2]) \(day) \(fields[4]) \(fields[3])\n"
    }

    /// `message` with mboxrd quoting applied, followed by the blank line that ends an entry.
    static func entry(_ message: [UInt8]) -> [UInt8] {
        guard needsQuoting(message) else { return message + [0x0A] }
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 16)
        var lineStart = true
        for (index, byte) in message.enumerated() {
            if lineStart, startsQuotedFrom(message, at: index) { out.append(UInt8(ascii: ">")) }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        return out + [0x0A]
    }

    /// True when some line starts with `>*From `.
    static func needsQuoting(_ message: [UInt8]) -> Bool {
        var lineStart = true
        for (index, byte) in message.enumerated() {
            if lineStart, startsQuotedFrom(message, at: index) { return true }
            lineStart = byte == 0x0A
        }
        return false
    }

    private static func startsQuotedFrom(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: ">") { index += 1 }
        let from: [UInt8] = Array("From ".utf8)
        guard bytes.count - index >= from.count else { return false }
        return bytes[index..<(index + from.count)].elementsEqual(from)
    }
}
