import MailCore
import Testing

@Suite("Byte search")
struct ByteSearchTests {
    func offset(_ needle: String, _ haystack: String, from start: Int = 0) -> Int? {
        Array(needle.utf8).withUnsafeBufferPointer { pin in
            Array(haystack.utf8).withUnsafeBufferPointer { hay in ByteSearch.firstOffset(of: pin, in: hay, from: start) }
        }
    }

    @Test("finds the first occurrence at or after the offset, and nothing for an empty or longer needle")
    func offsets() {
        #expect(offset("lo", "hello, hello") == 3)
        #expect(offset("lo", "hello, hello", from: 4) == 10)
        #expect(offset("lo", "hello, hello", from: 11) == nil)
        #expect(offset("", "abc") == nil)
        #expect(offset("abcd", "abc") == nil)
        #expect(offset("abc", "abc") == 0)
        #expect(offset("aab", "aaab") == 1, "a partial match does not hide the next start")
        #expect(offset("é", "café") == 3)
        #expect(offset("x", "abc", from: -1) == nil)
        #expect(ByteSearch.contains(Array("--b".utf8), in: Array("a\r\n--b\r\n".utf8)))
        #expect(!ByteSearch.contains(Array("--c".utf8), in: Array("a\r\n--b\r\n".utf8)))
    }
}
