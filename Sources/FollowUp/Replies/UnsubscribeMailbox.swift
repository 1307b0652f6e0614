/// The campaign's List-Unsubscribe mailto address, and whether mail to it is a removal request by
/// its address alone.
///
/// It is only when the address receives nothing else: a mailbox of its own, or a plus-address
/// such as `kira+unsubscribe@example.com` beside the sender's `kira@example.com`. When it is also
/// where replies arrive (the sender's address, the polled mailbox's, or either without its
/// plus-tag), every reply would carry it, so such mail is read for what it says instead.
public struct UnsubscribeMailbox: Sendable, Equatable {
    /// The address, lowercased.
    public let address: String
    /// True when no reply goes to this address, so that mail to it asks for removal by itself.
    public let isDedicated: Bool

    /// Decides for `address` against the addresses the campaign receives replies at (the sender's,
    /// the polled mailbox's login, the witness), compared case-insensitively; a campaign address's
    /// plus-tag is ignored too, since mail to `kira+sales@` and to `kira@` lands in one mailbox.
    public init(address: String, campaignAddresses: [String]) {
        self.address = address.lowercased()
        var receiving = Set<String>()
        for candidate in campaignAddresses.map({ $0.lowercased() }) where candidate.contains("@") {
            receiving.insert(candidate)
            receiving.insert(Self.withoutPlusTag(candidate))
        }
        isDedicated = !receiving.contains(self.address)
    }

    /// The address the classifier and the poll treat as a removal request by itself: the address
    /// when dedicated, nil when replies arrive there too.
    public var removalAddress: String? {
        isDedicated ? address : nil
    }

    /// `kira+sales@example.com` as `kira@example.com`; an address without a tag as it is.
    public static func withoutPlusTag(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@"), let plus = address[..<at].firstIndex(of: "+") else { return address }
        return String(address[..<plus] + address[at...])
    }
}
