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
        let t = ISOTime.utcFields(date)
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let weekday = RFC5322Date.dayNames[CivilDay.isoWeekday(days) % 7]  // ISO Sunday is 7
        let month = RFC5322Date.monthNames[max(0, min(11, t.month - 1))]
        let day = t.day < 10 ? " " + String(t.day) : String(t.day)
        let time = ISOTime.padded(t.hour, 2) + ":" + ISOTime.padded(t.minute, 2) + ":" + ISOTime.padded(t.second, 2)
        return "From " + sender + " " + weekday + " " + month + " " + day + " " + time + " " + String(t.year) + "\n"
    }

    private static let from: [UInt8] = Array("From ".utf8)

    /// One whole mbox entry: the separator line, the quoted message and the blank line after it.
    static func entry(sender: String, date: Date, message: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        let separator = separator(sender: sender, date: date)
        bytes.reserveCapacity(separator.utf8.count + message.count + 16)
        bytes.append(contentsOf: separator.utf8)
        appendEntry(message, to: &bytes)
        return bytes
    }

    /// `message` with mboxrd quoting applied, followed by the blank line that ends an entry.
    static func entry(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 16)
        appendEntry(message, to: &out)
        return out
    }

    /// Appends `message`, quoted, and the blank line that ends an entry.
    private static func appendEntry(_ message: [UInt8], to out: inout [UInt8]) {
        guard needsQuoting(message) else {
            out.append(contentsOf: message)
            out.append(0x0A)
            return
        }
        var lineStart = true
        for (index, byte) in message.enumerated() {
            if lineStart, startsQuotedFrom(message, at: index) { out.append(UInt8(ascii: ">")) }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        out.append(0x0A)
    }

    /// True when some line starts with `>*From `.
    static func needsQuoting(_ message: [UInt8]) -> Bool {
        message.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index < bytes.count {
                let first = bytes[index]
                if (first == UInt8(ascii: "F") || first == UInt8(ascii: ">")) && startsQuotedFrom(message, at: index) { return true }
                // Only the first bytes of a line can make it a `From ` line: on to the next line.
                guard let newline = memchr(base + index, 0x0A, bytes.count - index) else { return false }
                index = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return false
        }
    }

    private static func startsQuotedFrom(_ bytes: [UInt8], at start: Int) -> Bool {
        guard bytes[start] == UInt8(ascii: "F") || bytes[start] == UInt8(ascii: ">") else { return false }
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: ">") { index += 1 }
        guard bytes.count - index >= from.count else { return false }
        return bytes[index..<(index + from.count)].elementsEqual(from)
    }
}
