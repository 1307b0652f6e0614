/// An RFC 3464 delivery-status report: per-message fields and one entry per recipient.
public struct DeliveryStatus: Sendable, Equatable {
    /// The Reporting-MTA value (e.g. "dns; mx.example.com").
    public var reportingMTA: String?
    /// All per-message fields in order.
    public var perMessageFields: [HeaderField]
    /// One entry per recipient block.
    public var recipients: [RecipientStatus]

    /// Creates a report.
    public init(reportingMTA: String? = nil, perMessageFields: [HeaderField] = [], recipients: [RecipientStatus] = []) {
        self.reportingMTA = reportingMTA
        self.perMessageFields = perMessageFields
        self.recipients = recipients
    }
}

/// One recipient's block of a delivery-status report.
public struct RecipientStatus: Sendable, Equatable {
    /// The address from Final-Recipient, without the "rfc822;" type.
    public var finalRecipient: String?
    /// The address from Original-Recipient, without its type.
    public var originalRecipient: String?
    /// The lowercased Action ("failed", "delayed", "delivered", "relayed", "expanded").
    public var action: String?
    /// The enhanced status code "class.subject.detail" (e.g. "5.1.1"), when one is present.
    public var status: String?
    /// The Diagnostic-Code value with folding whitespace collapsed (e.g. "smtp; 550 5.1.1 user unknown").
    public var diagnosticCode: String?
    /// The Remote-MTA value.
    public var remoteMTA: String?
    /// All fields of the block in order.
    public var fields: [HeaderField]

    /// Creates a recipient entry from its fields.
    public init(fields: [HeaderField]) {
        self.fields = fields
        finalRecipient = fields.first(named: "Final-Recipient").map(Self.stripType)
        originalRecipient = fields.first(named: "Original-Recipient").map(Self.stripType)
        action = fields.first(named: "Action").map { $0.trimmingWSP().lowercased() }
        status = fields.first(named: "Status").flatMap(Self.statusCode)
        diagnosticCode = fields.first(named: "Diagnostic-Code").map(AddressParser.collapseWhitespace)
        remoteMTA = fields.first(named: "Remote-MTA")
    }

    /// "rfc822; a@b" → "a@b" (angle brackets removed too).
    static func stripType(_ value: String) -> String {
        var rest = value
        if let semi = value.firstIndex(of: ";") { rest = String(value[value.index(after: semi)...]) }
        rest = rest.trimmingWSP()
        if rest.hasPrefix("<"), rest.hasSuffix(">"), rest.count >= 2 { rest = String(rest.dropFirst().dropLast()) }
        return rest
    }

    /// The first "d.d{1,3}.d{1,3}" token in `value`.
    static func statusCode(_ value: String) -> String? {
        for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" }) {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                let first = parts.first, ["2", "4", "5"].contains(String(first))
            {
                return String(token)
            }
        }
        return nil
    }
}

extension DeliveryStatus {
    /// Parses the body of a message/delivery-status part: blocks of fields separated by blank lines.
    static func parse(_ bytes: [UInt8]) -> DeliveryStatus {
        var report = DeliveryStatus()
        var pos = 0
        var blockIndex = 0
        while pos < bytes.count, blockIndex < 1_000 {
            // Skip blank lines between blocks.
            let line = LineScanner.nextLine(bytes, from: pos, end: bytes.count)
            if line.contentEnd == pos { pos = line.next; continue }
            let block = HeaderBlockParser.parse(bytes, pos..<bytes.count)
            if block.bodyStart <= pos { pos = line.next; continue }
            pos = block.bodyStart
            let isRecipient = block.fields.first(named: "Final-Recipient") != nil || block.fields.first(named: "Action") != nil
            if isRecipient {
                report.recipients.append(RecipientStatus(fields: block.fields))
            } else if blockIndex == 0 {
                report.perMessageFields = block.fields
                report.reportingMTA = block.fields.first(named: "Reporting-MTA")
            }
            blockIndex += 1
        }
        return report
    }
}
