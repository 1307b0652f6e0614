import Foundation

/// Addresses and whole domains that must never be emailed.
public struct SuppressionList: Sendable, Equatable {
    /// Case-folded addresses (`ana@example.com`) and domains (`@example.com`).
    public private(set) var patterns: Set<String>

    /// A list holding `patterns` (case-folded on the way in).
    public init(_ patterns: some Sequence<String> = []) {
        self.patterns = Set(patterns.map { $0.lowercased() })
    }

    /// The pattern that blocks `address`, if any: the address itself or its domain.
    public func match(_ address: String) -> String? {
        let identity = address.lowercased()
        if patterns.contains(identity) { return identity }
        guard let at = identity.lastIndex(of: "@") else { return nil }
        let domain = String(identity[at...])
        return patterns.contains(domain) ? domain : nil
    }

    /// True when `address` must not be emailed.
    public func contains(_ address: String) -> Bool {
        match(address) != nil
    }

    /// Normalises user input to a pattern: `@Example.COM` → `@example.com`, `Ana@X.org` → `ana@x.org`;
    /// nil when it is neither an address nor `@domain`.
    public static func pattern(from text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasPrefix("@") {
            let domain = trimmed.dropFirst()
            guard domain.contains("."), !domain.contains("@"), !domain.contains(where: { $0.isWhitespace }) else { return nil }
            return trimmed
        }
        return EmailAddress.isValid(trimmed) ? trimmed : nil
    }
}

