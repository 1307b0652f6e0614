extension String {
    /// Calls `body` with this string's UTF-8 bytes in contiguous memory (copied only when not already stored that way).
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension StringProtocol {
    /// True when `needle`'s UTF-8 bytes occur among this string's: a plain byte search, not
    /// Foundation's locale-aware one (which costs far more on every header of every message).
    func containsUTF8(_ needle: String) -> Bool {
        let pin = Array(needle.utf8)
        return utf8.withContiguousStorageIfAvailable { hay in pin.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: hay) != nil } }
            ?? ByteSearch.contains(pin, in: Array(utf8))
    }
}
