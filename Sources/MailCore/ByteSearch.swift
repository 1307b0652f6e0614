/// Finding one byte string inside another, for code that works on UTF-8 bytes.
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `offset`; nil when
    /// there is none, or when `needle` is empty.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from offset: Int = 0) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count, offset >= 0 else { return nil }
        let lastStart = haystack.count - needle.count
        var start = offset
        while start <= lastStart {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// True when `needle` (not empty) occurs in `haystack`.
    public static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { pin in haystack.withUnsafeBufferPointer { hay in firstOffset(of: pin, in: hay) != nil } }
    }
}
