/// One complete SMTP reply: a three-digit code and its text lines (RFC 5321 section 4.2).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, e.g. 250, 451, 550.
    public let code: Int
    /// The text of each line, without the code and separator.
    public let lines: [String]

    /// Creates a reply from its parts.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The RFC 3463 enhanced status code at the start of the text (`5.1.1`), if there is one.
    public var enhancedStatus: String? {
        guard let first = lines.first?.split(separator: " ").first else { return nil }
        let parts = first.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, ["2", "4", "5"].contains(parts[0]),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
        return String(first)
    }

    /// 2xx or 3xx.
    public var isPositive: Bool { code < 400 }
    /// 4xx: the server may accept the same thing later.
    public var isTransient: Bool { (400..<500).contains(code) }
    /// 5xx: the server will not accept the same thing again.
    public var isPermanent: Bool { code >= 500 }

    /// `550 5.1.1 <x@example.com>: Recipient address rejected`.
    public var description: String {
        "\(code) " + lines.joined(separator: " / ")
    }
}
