import MailCore

/// Recognises spam complaints: RFC 5965 ARF feedback reports and provider feedback-loop messages.
struct ComplaintDetector {
    var ownAddresses: Set<String>

    static let feedbackSenders = ["abuse", "fbl", "feedback", "feedbackloop", "complaints", "complaint", "scomp", "spamreport", "arf", "staff"]
    static let complaintSubjects = [" complaint ", " abuse report ", " spam report ", " feedback report ", " abuse ", " fbl ", " reported as spam ", " spam complaint "]

    /// The complaining address (possibly nil) and the explanation, or nil when the message is not a complaint.
    func detect(_ message: ParsedMessage) -> (address: String?, explanation: [String])? {
        let parts = Self.parts(of: message.root)
        let reportType = message.root.contentType.parameters["report-type"]?.lowercased()
        if let feedback = parts.first(where: { $0.mimeType == "message/feedback-report" }) ?? (reportType == "feedback-report" ? parts.first(where: { $0.mimeType.hasSuffix("feedback-report") }) : nil) {
            let fields = Self.fields(String(decoding: feedback.body.prefix(50_000), as: UTF8.self))
            let type = fields["feedback-type"]?.lowercased() ?? "abuse"
            if type == "not-spam" { return nil }
            let address = [fields["original-rcpt-to"], fields["removal-recipient"]].compactMap { $0 }.compactMap(Self.clean).first
                ?? originalRecipient(message)
            return (address, ["RFC 5965 feedback report (Feedback-Type: \(type))"] + (address.map { ["complaining address \($0)"] } ?? []))
        }
        if let hotmail = message.header("X-HmXmrOriginalRecipient") {
            let address = Self.clean(hotmail) ?? originalRecipient(message)
            return (address, ["provider feedback loop (X-HmXmrOriginalRecipient)"] + (address.map { ["complaining address \($0)"] } ?? []))
        }
        let local = message.from?.localPart.lowercased() ?? ""
        let subject = TextFold.words(message.subject ?? "")
        let fromFeedback = Self.feedbackSenders.contains { local == $0 || local.hasPrefix($0 + "-") || local.hasPrefix($0 + "+") || local.hasPrefix($0 + "_") }
        let subjectCue = TextSearch.containsAny(subject, Self.complaintSubjects)
        if fromFeedback, subjectCue || !message.attachedMessages.isEmpty {
            let address = originalRecipient(message)
            return (address, ["feedback-loop message from \(message.from?.address ?? "?") with \(subjectCue ? "a complaint subject" : "the original attached")"]
                + (address.map { ["complaining address \($0)"] } ?? []))
        }
        return nil
    }

    /// The To of the embedded original that is not one of ours.
    private func originalRecipient(_ message: ParsedMessage) -> String? {
        for original in message.attachedMessages {
            if let to = original.to.map(\.normalized).first(where: { !ownAddresses.contains($0) }) { return to }
        }
        return nil
    }

    static func clean(_ value: String) -> String? {
        AddressScanner.addresses(in: value.replacingOccurrences(of: ";", with: " ")).first
    }

    /// "Name: value" lines, names lowercased (first occurrence wins).
    static func fields(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).prefix(500) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = TextFold.trim(line[..<colon]).lowercased()
            let value = TextFold.trim(line[line.index(after: colon)...])
            if result[name] == nil, !name.isEmpty, !name.contains(" ") { result[name] = value }
        }
        return result
    }

    /// Parts in document order (bounded), not descending into attached messages.
    static func parts(of root: MIMEPart) -> [MIMEPart] {
        var result: [MIMEPart] = []
        var stack = [root]
        while let part = stack.popLast(), result.count < 2_000 {
            result.append(part)
            stack.append(contentsOf: part.children.reversed())
        }
        return result
    }
}
