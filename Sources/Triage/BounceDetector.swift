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
        let verdict = judge(status: status, diagnostics: diagnostics, body: text, delayed: isDelay, reportedFailed: !failed.isEmpty)
        notes.append(verdict.reason)
        return .bounce(BounceInfo(permanent: verdict.permanent, status: status, recipients: recipients, reason: verdict.reason, cause: verdict.cause), notes)
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
        let notice = Self.serverWords(text)
        let status = StatusCodes.enhanced(in: notice) ?? StatusCodes.smtp(in: notice)
        let verdict = judge(status: status, diagnostics: "", body: notice, delayed: isDelay, reportedFailed: !isDelay && (subjectFail || !bodyFail.isEmpty || qmail))
        notes.append(verdict.reason)
        let recipients = failedRecipients(message, text: text)
        return .bounce(BounceInfo(permanent: verdict.permanent, status: status, recipients: recipients, reason: verdict.reason, cause: verdict.cause), notes)
    }

    /// False only when the words of `text` cannot hold the qmail report line: no "qmail" in any
    /// letter case once folded. Only what follows each "q" or "Q" is folded (no other character
    /// folds to a "q"), so a long non-ASCII text is not folded whole for a word it does not hold.
    static func mayMentionQmail(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "q") }) else { return false }
        if TextFold.isASCII(text) { return TextSearch.contains(TextFold.fold(text), "qmail") }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while let q = scalars[index...].firstIndex(where: { $0 == "q" || $0 == "Q" }) {
            // Five letters, each with room for combining marks after it.
            let end = scalars.index(q, offsetBy: 24, limitedBy: scalars.endIndex) ?? scalars.endIndex
            if TextFold.fold(String(scalars[q..<end])).hasPrefix("qmail") { return true }
            index = scalars.index(after: q)
        }
        return false
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

    // MARK: Cause and permanence

    /// What the reporting server wrote, without the copy of our original message that many
    /// plain-text bounces append (its words are ours, and say nothing of the failure).
    static func serverWords(_ text: String) -> String {
        var cut = text.endIndex
        for marker in BounceCues.originalFollows {
            if let range = text.range(of: "\n" + marker), range.lowerBound < cut { cut = range.lowerBound }
        }
        return String(text[..<cut])
    }

    /// The cause of a bounce, whether the address must be left alone for good, and a reason in words.
    ///
    /// A specific status code decides first (5.1.1, 5.1.2, x.2.2, 5.3.4, 4.4.7, 5.7.2x); then the
    /// server's words, in the diagnostic code when there is one, else in the notice; then the
    /// status class. The cause decides permanence (`BounceCause.action`), except for `other`,
    /// which is permanent for a 5.x.x status or a report of a failure, temporary otherwise.
    func judge(status: String?, diagnostics: String, body: String, delayed: Bool, reportedFailed: Bool) -> (permanent: Bool, cause: BounceCause, reason: String) {
        let code = status ?? ""
        let diag = TextFold.words(diagnostics)
        let all = TextFold.words(diagnostics + "\n" + String(body.prefix(20_000)))
        let source = diag.count > 2 ? diag : all
        let detail = TextFold.trim(diagnostics).isEmpty ? "" : " (\(TextFold.trim(diagnostics).prefix(120)))"
        let codeNote = code.isEmpty ? "" : " [\(code)]"
        let cause = Self.cause(code: code, words: source, everything: all, delayed: delayed)
        let permanent: Bool
        switch cause {
        case .other:
            permanent = !delayed && (code.hasPrefix("5") || (code.isEmpty && reportedFailed) || (StatusCodes.smtpClass(code) == 5))
        case .expired:
            permanent = !delayed
        default:
            permanent = !delayed && cause.action != .retry
        }
        let how = permanent ? (cause.action == .stopAndWarn ? "permanent, stop and check the sending mailbox" : "permanent, stop for good")
            : "temporary, retry later"
        let reason = delayed ? "delivery delayed, the server is still trying (\(cause.words)): temporary\(codeNote)\(detail)"
            : "\(cause.words): \(how)\(codeNote)\(detail)"
        return (permanent, cause, reason)
    }

    /// The cause from a status code and the server's folded words (`words`, or `everything` for
    /// the cues that a short diagnostic may leave to the notice).
    static func cause(code: String, words: String, everything: String, delayed: Bool) -> BounceCause {
        let detail = code.split(separator: ".").dropFirst().joined(separator: ".")
        // A delay notice is from a server still trying: it cannot have given up yet.
        switch delayed && detail == "4.7" ? "" : detail {
        case "1.1", "1.0", "1.3", "1.6", "1.10", "2.1": return .userUnknown
        case "1.2", "4.4": return .hostUnknown
        case "2.2": return .mailboxFull
        case "3.4", "2.3": return .messageTooLarge
        case "4.7": return .expired
        case "7.20", "7.21", "7.22", "7.23", "7.24", "7.25", "7.26": return .authentication
        case "7.28": return .rateLimited
        default: break
        }
        if !delayed, TextSearch.containsAny(words, BounceCues.expired) || TextSearch.containsAny(everything, BounceCues.expired) {
            return .expired
        }
        if TextSearch.containsAny(words, BounceCues.hostUnknown) { return .hostUnknown }
        if TextSearch.containsAny(words, BounceCues.unknownUser) { return .userUnknown }
        if TextSearch.containsAny(words, BounceCues.mailboxFull) { return .mailboxFull }
        if TextSearch.containsAny(words, BounceCues.tooLarge) { return .messageTooLarge }
        if TextSearch.containsAny(words, BounceCues.greylisted) { return .greylisted }
        if TextSearch.containsAny(words, BounceCues.authentication) { return .authentication }
        if TextSearch.containsAny(words, BounceCues.rateLimited) { return .rateLimited }
        if code.hasPrefix("5.7.") || TextSearch.containsAny(words, BounceCues.policyBlock) { return .blocked }
        return .other
    }

    private func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}
