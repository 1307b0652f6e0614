/// What `STATUS` says about a mailbox: enough to tell whether anything arrived since the last poll.
public struct MailboxStatus: Sendable, Equatable {
    /// The number of messages in the mailbox.
    public let messages: Int
    /// The UID the next message will get; unchanged means nothing arrived.
    public let uidNext: UInt32
    /// The mailbox's UID validity; when it changes, every stored UID is meaningless.
    public let uidValidity: UInt32

    /// Creates a status from its parts.
    public init(messages: Int, uidNext: UInt32, uidValidity: UInt32) {
        self.messages = messages
        self.uidNext = uidNext
        self.uidValidity = uidValidity
    }

    /// Reads `MESSAGES`, `UIDNEXT` and `UIDVALIDITY` from the text of a `* STATUS` response.
    static func parse(_ text: String) -> MailboxStatus? {
        guard let open = text.lastIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        let items = text[text.index(after: open)..<close].split(separator: " ")
        var values: [String: UInt64] = [:]
        var index = 0
        while index + 1 < items.count {
            if let value = UInt64(items[index + 1]) { values[items[index].uppercased()] = value }
            index += 2
        }
        guard let uidNext = values["UIDNEXT"], let uidValidity = values["UIDVALIDITY"],
              uidNext <= UInt64(UInt32.max), uidValidity <= UInt64(UInt32.max) else { return nil }
        return MailboxStatus(messages: Int(clamping: values["MESSAGES"] ?? 0),
                             uidNext: UInt32(uidNext), uidValidity: UInt32(uidValidity))
    }
}
