/// The parts of a `* n FETCH (...)` response we use: UID, flags and the body literal.
struct IMAPFetchItem {
    let uid: UInt32?
    let flags: [String]
    let body: [UInt8]?
    /// RFC822.SIZE, when asked for.
    let size: Int?

    /// Reads a FETCH response; nil when `response` is not one.
    init?(_ response: IMAPResponse) {
        let words = response.text.split(separator: " ", maxSplits: 2)
        guard words.count == 3, UInt32(words[0]) != nil, words[1].uppercased() == "FETCH" else { return nil }
        let text = String(words[2])
        let upper = text.uppercased()
        var uid: UInt32?
        if let range = upper.range(of: "UID ") {
            uid = UInt32(text[range.upperBound...].prefix(while: \.isNumber))
        }
        var flags: [String] = []
        if let range = upper.range(of: "FLAGS ("), let close = text[range.upperBound...].firstIndex(of: ")") {
            flags = text[range.upperBound..<close].split(separator: " ").map(String.init)
        }
        var size: Int?
        if let range = upper.range(of: "RFC822.SIZE ") {
            size = Int(text[range.upperBound...].prefix(while: \.isNumber))
        }
        self.uid = uid
        self.flags = flags
        self.size = size
        self.body = upper.contains("BODY[]") ? response.literals.first : nil
    }
}
