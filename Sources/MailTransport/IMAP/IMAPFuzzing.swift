/// Entry points for `scripts/fuzz` (`@_spi(Fuzzing)`: not part of the module's API).
@_spi(Fuzzing) public enum IMAPFuzzing {
    /// Reads `bytes` as a server's stream the way a session does: in two pieces cut where the first
    /// byte says, with the session's limits, every response then read as a FETCH answer. Returns
    /// how many responses it found; never traps, whatever the bytes.
    public static func readStream(_ bytes: [UInt8]) -> Int {
        var reader = IMAPResponseReader(maxLineBytes: 1 << 16, maxLiteralBytes: 1 << 20)
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        var responses: [IMAPResponse] = []
        for piece in [bytes[..<cut], bytes[cut...]] {
            reader.append(Array(piece))
            while let response = try? reader.next() { responses.append(response) }
        }
        if let rest = reader.unfinished() { responses.append(rest) }
        for response in responses {
            _ = IMAPFetchItem(response)
            _ = response.status
        }
        return responses.count
    }
}
