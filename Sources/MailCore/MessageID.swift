/// A Message-ID (RFC 5322 msg-id), stored without angle brackets.
public struct MessageID: Sendable, Hashable {
    /// The id without "<" and ">", e.g. "fu.1a2b@example.com".
    public let value: String

    /// Wraps an id; surrounding angle brackets and whitespace are removed (the writer validates the rest).
    public init(_ value: String) {
        var text = value.trimmingWSP()
        if text.hasPrefix("<") { text.removeFirst() }
        if text.hasSuffix(">") { text.removeLast() }
        self.value = text
    }

    /// The id as written in headers: "<value>".
    public var bracketed: String { "<" + value + ">" }

    /// The stable id for one prospect and step: "fu.<32 hex of SHA-256(secret, prospect, sequence, step)>@domain".
    /// The prospect address is lowercased, so the same prospect always gets the same id for the same step.
    public static func deterministic(secret: String, prospect: String, sequence: String, step: Int, domain: String) -> MessageID {
        let material = [secret, prospect.trimmingWSP().lowercased(), sequence, String(step)].joined(separator: "\u{1F}")
        let hex = SHA256.hexDigest(material)
        return MessageID("fu." + hex.prefix(32) + "@" + domain.lowercased())
    }

    /// Every msg-id found in a header value such as References or In-Reply-To ("<a@b> <c@d>"); bare tokens when no brackets.
    public static func list(parsing text: String) -> [String] {
        var ids = text.utf8.count <= 200_000 ? bracketedIDs(text) : bracketedIDsInGeneral(text)
        if ids.isEmpty {
            ids = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).prefix(10_000).map(String.init)
                .filter { $0.containsUTF8("@") }
        }
        return ids
    }

    /// The ids between angle brackets, whitespace inside them dropped, read on the bytes (the
    /// brackets and whitespace are ASCII, so no character is split).
    static func bracketedIDs(_ text: String) -> [String] {
        var ids: [String] = []
        var current: [UInt8]?
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"):
                current = []
            case UInt8(ascii: ">"):
                if let id = current, !id.isEmpty, ids.count < 10_000 { ids.append(String(decoding: id, as: UTF8.self)) }
                current = nil
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                break
            default:
                current?.append(byte)
            }
        }
        return ids
    }

    /// `bracketedIDs` scalar by scalar, over the first 200,000 characters of a longer text.
    static func bracketedIDsInGeneral(_ text: String) -> [String] {
        var ids: [String] = []
        var current: String.UnicodeScalarView?
        for scalar in text.unicodeScalars.prefix(200_000) {
            if scalar == "<" {
                current = String.UnicodeScalarView()
            } else if scalar == ">" {
                if let id = current.map(String.init), !id.isEmpty, ids.count < 10_000 { ids.append(id.trimmingWSP()) }
                current = nil
            } else if current != nil, scalar != " ", scalar != "\t", scalar != "\r", scalar != "\n" {
                current?.append(scalar)
            }
        }
        return ids
    }
}
