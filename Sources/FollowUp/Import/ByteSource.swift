import Foundation

/// Bytes from memory or from a file read chunk by chunk, with a small look-ahead.
struct ByteSource {
    /// Buffered bytes; `index` is the next unread one.
    private var buffer: [UInt8]
    /// The position of the next unread byte in `buffer`.
    private var index = 0
    /// The file still being read, or nil when everything is in `buffer`.
    private let handle: FileHandle?
    /// How many bytes one read asks for.
    private let chunkSize: Int
    /// The read failure, if reading the file failed.
    private(set) var readFailure: String?

    init(bytes: [UInt8]) {
        buffer = bytes
        handle = nil
        chunkSize = 0
    }

    init(handle: FileHandle, chunkSize: Int) {
        buffer = []
        self.handle = handle
        self.chunkSize = max(chunkSize, 1)
    }

    /// The byte `offset` positions after the next unread one, reading more of the file when needed; nil at the end.
    @inline(__always)
    mutating func peek(_ offset: Int = 0) -> UInt8? {
        while index + offset >= buffer.count {
            guard readMore() else { return nil }
        }
        return buffer[index + offset]
    }

    /// Moves past the next unread byte.
    @inline(__always)
    mutating func advance(_ count: Int = 1) {
        index += count
    }

    /// Moves a run of ordinary field bytes (up to the next quote, CR, LF, or — outside quotes —
    /// `delimiter`) from the buffer into `field`, at most `limit` of them; returns how many. Stops
    /// at the end of the buffered bytes; the caller's byte-by-byte path reads on.
    mutating func moveRun(into field: inout [UInt8], limit: Int, delimiter: UInt8, quoted: Bool) -> Int {
        let stop = min(buffer.count, index + max(0, limit))
        var end = index
        while end < stop {
            let byte = buffer[end]
            if byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D || (!quoted && byte == delimiter) { break }
            end += 1
        }
        let count = end - index
        if count > 0 {
            field.append(contentsOf: buffer[index..<end])
            index = end
        }
        return count
    }

    /// Appends the next chunk of the file, first dropping bytes already read; false at the end of the file.
    private mutating func readMore() -> Bool {
        guard let handle, readFailure == nil else { return false }
        if index >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
            index = 0
        } else if index >= chunkSize {
            buffer.removeFirst(index)
            index = 0
        }
        do {
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { return false }
            buffer.append(contentsOf: data)
            return true
        } catch {
            readFailure = Self.describe(error)
            return false
        }
    }

    /// The system's words for a read error ("Is a directory"), not Foundation's nested dump.
    static func describe(_ error: any Error) -> String {
        let nested = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = nested, posix.domain == NSPOSIXErrorDomain, let text = strerror(Int32(posix.code)) {
            return String(cString: text)
        }
        return (error as NSError).localizedDescription
    }
}
