/// A whole message read from a mailbox: its UID and its exact bytes.
public struct FetchedMessage: Sendable, Equatable {
    /// The message's UID in the mailbox.
    public let uid: UInt32
    /// The raw RFC 5322 message, byte for byte as the server stores it.
    public let bytes: [UInt8]
    /// The message's flags at fetch time (`\Seen`, `\Answered`, ...).
    public let flags: [String]

    /// Creates a fetched message from its parts.
    public init(uid: UInt32, bytes: [UInt8], flags: [String]) {
        self.uid = uid
        self.bytes = bytes
        self.flags = flags
    }
}
