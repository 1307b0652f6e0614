/// Base64 (RFC 4648 / RFC 2045) encoding with line wrapping, and tolerant decoding that skips foreign characters.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        table[Int(UInt8(ascii: "-"))] = 62  // URL-safe variants are accepted too
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Encodes `bytes` as one unbroken base64 string with padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        bytes.withUnsafeBufferPointer { append($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the unbroken, padded base64 form of `bytes` to `out`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(61)
            out.append(61)
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(61)
        }
    }

    /// Encodes `bytes` as base64 body lines of at most 76 characters, each ending in CRLF.
    public static func encodeLines(_ bytes: [UInt8]) -> String {
        let flat = Array(encode(bytes).utf8)
        var out: [UInt8] = []
        var i = 0
        while i < flat.count {
            let end = min(flat.count, i + 76)
            out += flat[i..<end]
            out += [13, 10]
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base64, skipping whitespace and any character outside the alphabet; a trailing partial group is kept as far as it goes.
    public static func decode<S: Sequence>(_ input: S) -> [UInt8] where S.Element == UInt8 {
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for c in input {
            if c == 61 { continue }  // '=' padding: ignore wherever it appears
            let v = reverse[Int(c)]
            if v == 0xFF { continue }
            accumulator = (accumulator << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return out
    }

    /// Decodes a base64 string (see `decode(_:)` for tolerance rules).
    public static func decode(_ text: String) -> [UInt8] {
        decode(Array(text.utf8))
    }
}
