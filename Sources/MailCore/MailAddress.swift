/// An email address with an optional display name, parsed from and formatted to RFC 5322 form.
public struct MailAddress: Sendable, Hashable {
    /// The human name shown before the address, already decoded (nil when absent).
    public var displayName: String?
    /// The mailbox name before "@", unquoted.
    public var localPart: String
    /// The domain after "@".
    public var domain: String

    /// Creates an address from its parts without validation (the writer validates before use).
    public init(displayName: String? = nil, localPart: String, domain: String) {
        self.displayName = displayName
        self.localPart = localPart
        self.domain = domain
    }

    /// Parses one address such as `"Doe, Jane" <jane@example.com>`, `jane@example.com` or `=?utf-8?Q?Jos=C3=A9?= <j@x.org>`.
    public init(parsing text: String) throws(MailAddressError) {
        self = try AddressParser.parseOne(text)
    }

    /// Parses a comma-separated address list, skipping group names and entries that are not addresses.
    public static func list(parsing text: String) -> [MailAddress] {
        AddressParser.parseList(text)
    }

    /// The bare address, `local@domain`, with the local part quoted when it needs quoting.
    public var address: String {
        AddressParser.formatLocalPart(localPart) + "@" + domain
    }

    /// The identity key: the whole address lowercased.
    public var normalized: String {
        (localPart + "@" + domain).lowercased()
    }

    /// The address for display: `Name <local@domain>` (name quoted when it holds specials), or just the address.
    public var formatted: String {
        guard let name = displayName, !name.isEmpty else { return address }
        return AddressParser.formatPhrase(name) + " <" + address + ">"
    }
}
