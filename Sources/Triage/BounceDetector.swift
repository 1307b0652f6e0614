import MailCore

/// Recognises RFC 3464 delivery-status reports and the common non-standard MTA bounce formats, and judges permanence.
struct BounceDetector {
    var ownAddresses: Set<String>

    func detect(_ message: ParsedMessage) -> BounceVerdict? {
        let text = TextFold.capped(message.bestText)
        if let report = message.deliveryStatus, !report.recipients.isEmpty {
            return fromReport(report, message: message, text: text)
        }
        return fromText(message, text: text)
    }

    // MARK: RFC 3464

    private func fromReport(_ report: DeliveryStatus, message: ParsedMessage, text: String) -> BounceVerdict {
        let failed = report.recipients.filter { $0.action == "failed" || ($0.action == nil && $0.status?.hasPrefix("5") == true) }
        let delayed = report.recipients.filter { $0.action == "delayed" || ($0.action == nil && $0.status?.hasPrefix("4") == true) }
        let delivered = report.recipients.filter { ["delivered", "relayed", "expanded"].contains($0.action ?? "") }
        if failed.isEmpty, delayed.isEmpty, !delivered.isEmpty {
            return .success(["delivery-status report with Action: \(delivered.first?.action ?? "delivered"): a delivery success notice, not a reply"])
        }
        let chosen = failed.isEmpty ? (delayed.isEmpty ? report.recipients : delayed) : failed
        let recipients = unique(chosen.compactMap { ($0.finalRecipient ?? $0.originalRecipient).map { $0.lowercased() } })
        let diagnostics = chosen.compactMap(\.diagnosticCode).joined(separator: "\n")
        let status = chosen.compactMap(\.status).first ?? StatusCodes.enhanced(in: diagnostics) ?? StatusCodes.smtp(in: diagnostics)
        var notes = ["RFC 3464 delivery-status report (\(chosen.count) recipient block\(chosen.count == 1 ? "" : "s"), Action: \(chosen.first?.action ?? "none"))"]
        let isDelay = failed.isEmpty && !delayed.isEmpty
        let (permanent, reason) = judge(status: status, diagnostics: diagnostics, body: text, delayed: isDelay)
        notes.append(reason)
        return .bounce(BounceInfo(permanent: permanent, status: status, recipients: recipients, reason: reason), notes)
    }

    // MARK: Non-standard formats

    private func fromText(_ message: ParsedMessage, text: String) -> BounceVerdict? {
        let subjectRaw = message.subject ?? ""
        let subject = TextFold.words(subjectRaw)
        let isReplySubject = ["re", "aw", "antw", "sv", "rif", "fwd", "fw", "wg", "tr"].contains { subject.hasPrefix(" \($0) ") }
        let sender = message.from
        let local = sender?.localPart.lowercased() ?? ""
        let name = TextFold.fold(sender?.displayName ?? "")
        let daemon = BounceCues.daemonSenders.contains { local == $0 || local.hasPrefix($0 + "+") || local.hasPrefix($0 + "-") }
            || TextSearch.containsAny(name, BounceCues.daemonNames)
        let subjectFail = !isReplySubject && TextSearch.containsAny(subject, BounceCues.failureSubjects)
        let subjectDelay = !isReplySubject && TextSearch.containsAny(subject, BounceCues.delaySubjects)
        // Without a mail-system sender or a bounce subject only the qmail report can make a bounce: skip the body words when it cannot be there.
        if !daemon, !subjectFail, !subjectDelay, !Self.mayMentionQmail(text) { return nil }
        let body = TextFold.words(String(text.prefix(20_000)))
        let bodyFail = TextSearch.matching(BounceCues.failureBody, in: body)
        let bodyDelay = TextSearch.matching(BounceCues.delayBody, in: body)
        let qmail = TextSearch.contains(body, " this is the qmail send program ")
        let nullSender = (message.header("Return-Path").map { TextFold.trim($0) } ?? "x") == "<>"
        let subjectCue = subjectFail || subjectDelay
        let bodyCue = !bodyFail.isEmpty || !bodyDelay.isEmpty
        guard qmail || (daemon && (subjectCue || bodyCue)) || (subjectCue && bodyCue) || (nullSender && subjectCue && !message.attachedMessages.isEmpty)
        else { return nil }

        var notes: [String] = []
        if daemon { notes.append("sent by a mail system (\(sender?.address ?? "unknown sender"))") }
        if subjectCue { notes.append("bounce subject \"\(subjectRaw.prefix(80))\"") }
        if qmail { notes.append("qmail-send failure report") } else if let cue = (bodyFail + bodyDelay).first { notes.append("bounce text \"\(TextFold.trim(cue))\"") }
        let isDelay = subjectDelay || (!bodyDelay.isEmpty && !subjectFail && !TextSearch.contains(body, " permanent ") && !TextSearch.contains(body, " failed permanently "))
        let status = StatusCodes.enhanced(in: text) ?? StatusCodes.smtp(in: text)
        let (permanent, reason) = judge(status: status, diagnostics: "", body: text, delayed: isDelay)
        notes.append(reason)
        let recipients = failedRecipients(message, text: text)
        return .bounce(BounceInfo(permanent: permanent, status: status, recipients: recipients, reason: reason), notes)
    }

    /// False only when the words of `text` cannot hold the qmail report line: ASCII text without "qmail" in any letter case,
    /// or any text without a "q" or "Q" (no other character folds to a "q").
    static func mayMentionQmail(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "q") }) else { return false }
        return !TextFold.isASCII(text) || TextSearch.contains(TextFold.fold(text), "qmail")
    }

    /// Addresses named in the notice that are not ours, the notice's own, or a mail system's; else the original's To.
    private func failedRecipients(_ message: ParsedMessage, text: String) -> [String] {
        var excluded = ownAddresses
        for address in message.to + [message.from].compactMap({ $0 }) { excluded.insert(address.normalized) }
        let originals = message.attachedMessages
        for original in originals {
            if let from = original.from { excluded.insert(from.normalized) }
        }
        let originalTo = Set(originals.flatMap { $0.to.map(\.normalized) })
        let candidates = AddressScanner.addresses(in: text).filter { address in
            guard !excluded.contains(address) else { return false }
            let local = address.split(separator: "@").first.map(String.init) ?? ""
            return !BounceCues.daemonSenders.contains(local)
        }
        let confirmed = candidates.filter { originalTo.contains($0) }
        if !confirmed.isEmpty { return Array(confirmed.prefix(10)) }
        if !candidates.isEmpty { return Array(candidates.prefix(10)) }
        return Array(originalTo.sorted().prefix(10))
    }

    // MARK: Permanence

    /// Decides whether the address is dead. Not every 5.x.x is: full mailboxes and policy/spam blocks leave the address usable.
    func judge(status: String?, diagnostics: String, body: String, delayed: Bool) -> (Bool, String) {
        let code = status ?? ""
        let diag = TextFold.words(diagnostics)
        let all = TextFold.words(diagnostics + "\n" + String(body.prefix(20_000)))
        let detail = TextFold.trim(diagnostics).isEmpty ? "" : " (\(TextFold.trim(diagnostics).prefix(120)))"
        if delayed {
            return (false, "delivery delayed, the server is still trying: temporary" + detail)
        }
        let deadCodes = ["5.1.1", "5.1.0", "5.1.2", "5.1.3", "5.1.6", "5.1.10", "5.2.1", "5.4.4"]
        let source = diag.count > 2 ? diag : all
        if deadCodes.contains(code) || TextSearch.containsAny(source, BounceCues.unknownUser) {
            return (true, "the address does not exist (unknown user, mailbox or domain)" + (code.isEmpty ? "" : " [\(code)]") + detail)
        }
        if code.hasSuffix(".2.2") || TextSearch.containsAny(source, BounceCues.mailboxFull) {
            return (false, "the mailbox is full: a temporary condition, the address exists" + (code.isEmpty ? "" : " [\(code)]") + detail)
        }
        if code.hasPrefix("5.7.") || TextSearch.containsAny(source, BounceCues.policyBlock) {
            return (false, "blocked by the recipient's server (policy), the address may be fine" + (code.isEmpty ? "" : " [\(code)]") + detail)
        }
        if code.hasPrefix("4") {
            return (false, "temporary failure [\(code)]" + detail)
        }
        if code.hasPrefix("5") {
            return (true, "permanent failure [\(code)]" + detail)
        }
        return (false, "delivery failed without a status code or known cause: treated as temporary" + detail)
    }

    private func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}
