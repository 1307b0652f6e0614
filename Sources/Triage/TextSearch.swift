import Foundation
import MailCore

/// Substring search that finds exactly what Foundation's `contains(_:)` and `range(of:)` find, byte by byte when both texts are ASCII.
///
/// Foundation compares composed character sequences, which costs far more than a byte comparison; on ASCII text without
/// carriage returns every character is one byte, so both searches agree. Any other text still goes through Foundation.
enum TextSearch {
    /// True when `needle` occurs in `haystack`.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        scan(haystack) { occurs in occurs(needle) }
    }

    /// True when any of `needles` occurs in `haystack`.
    static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
        scan(haystack) { occurs in needles.contains(where: occurs) }
    }

    /// The members of `needles` that occur in `haystack`, in their order.
    static func matching(_ needles: [String], in haystack: String) -> [String] {
        scan(haystack) { occurs in needles.filter(occurs) }
    }

    /// Calls `body` with a test "does this needle occur in `haystack`", which compares bytes when `haystack` is plain ASCII
    /// (checked once for all needles) and asks Foundation otherwise.
    private static func scan<R>(_ haystack: String, _ body: ((String) -> Bool) -> R) -> R {
        let foundation: (String) -> Bool = { haystack.range(of: $0) != nil }
        guard isPlainASCII(haystack) else { return body(foundation) }
        let result = haystack.utf8.withContiguousStorageIfAvailable { hay in
            body { needle in
                guard !needle.isEmpty, isPlainASCII(needle) else { return foundation(needle) }
                return needle.utf8.withContiguousStorageIfAvailable { ByteSearch.firstOffset(of: $0, in: hay) != nil } ?? foundation(needle)
            }
        }
        return result ?? body(foundation)
    }

    /// The first range of `needle` in `haystack` that starts at or after `start` (the start of `haystack` when nil);
    /// `plain` says whether `haystack` is known to be plain ASCII (see `isPlainASCII`), nil to check it here.
    static func range(of needle: String, in haystack: String, from start: String.Index? = nil, plain: Bool? = nil) -> Range<String.Index>? {
        let from = start ?? haystack.startIndex
        guard from <= haystack.endIndex else { return nil }
        if !needle.isEmpty, isPlainASCII(needle), plain ?? isPlainASCII(haystack) {
            let offset = haystack.utf8.distance(from: haystack.startIndex, to: from)
            switch byteSearch(needle, in: haystack, from: offset) {
            case .found(let position):
                let lower = haystack.utf8.index(haystack.utf8.startIndex, offsetBy: position)
                return lower..<haystack.utf8.index(lower, offsetBy: needle.utf8.count)
            case .absent:
                return nil
            case .unavailable:
                break
            }
        }
        return haystack.range(of: needle, range: from..<haystack.endIndex)
    }

    /// True when every byte of `text` is ASCII and none is a carriage return (which Foundation pairs with a line feed).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isPlainASCII) ?? text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// `isPlainASCII` for bytes, eight at a time.
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if word & highBits != 0 || hasZeroByte(word ^ carriageReturns) { return false }
            offset += 8
        }
        return raw[offset...].allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// The top bit of each byte of a word.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// A carriage return in each byte of a word.
    private static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D

    /// True when some byte of `word` is zero (the classic bit trick; exact when no byte has its top bit set).
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & highBits != 0
    }

    /// What a byte search found.
    private enum Outcome {
        /// The needle starts at this byte offset.
        case found(Int)
        /// The needle does not occur.
        case absent
        /// The bytes were not contiguous; Foundation has to search.
        case unavailable
    }

    /// Searches the UTF-8 bytes of `haystack` from byte `offset` on for those of `needle`.
    private static func byteSearch(_ needle: String, in haystack: String, from offset: Int) -> Outcome {
        let outcome = haystack.utf8.withContiguousStorageIfAvailable { hay in
            needle.utf8.withContiguousStorageIfAvailable { pin in
                ByteSearch.firstOffset(of: pin, in: hay, from: offset).map(Outcome.found) ?? .absent
            }
        }
        return (outcome ?? nil) ?? .unavailable
    }
}
