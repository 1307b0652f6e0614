public import MailCore

/// Classifies an incoming message as bounce, complaint, auto-reply or human reply (with intent), explaining every verdict.
///
/// Pure: no I/O, no clock (dates are read relative to the message's own Date), bounded work on any input.
public struct ReplyClassifier: Sendable {
    /// Our own addresses (lowercased); never taken as a failed recipient, complainer or referral target.
    public let ownAddresses: Set<String>
    /// The List-Unsubscribe mailbox, when it receives nothing but removal requests: a message sent
    /// to it is a removal request whatever it says. Nil when there is none, or when replies arrive
    /// there too (then a message to it is read for what it says, like any reply).
    public let unsubscribeAddress: String?

    /// Subjects that ask for removal on their own: what a mail client's List-Unsubscribe mailto
    /// action sends (`?subject=unsubscribe`), and what people type, in the seven languages.
    static let removalSubjects: Set<String> = ["unsubscribe", "remove", "remove me", "stop", "opt out", "optout", "unsubscribe me", "abmelden",
        "austragen", "desinscription", "desinscrire", "desabonner", "baja", "darme de baja", "cancellami", "cancellazione", "uitschrijven",
        "afmelden", "descadastrar", "descadastre"]

    /// Creates a classifier that knows our own addresses and the optional dedicated unsubscribe mailbox.
    public init(ownAddresses: [String] = [], unsubscribeAddress: String? = nil) {
        self.ownAddresses = Set(ownAddresses.map { TextFold.trim($0).lowercased() })
        self.unsubscribeAddress = unsubscribeAddress.map { TextFold.trim($0).lowercased() }
    }

    /// Parses raw RFC 5322 bytes with MailCore and classifies them; never traps.
    public func classify(bytes: [UInt8]) -> Classification {
        classify(MessageReader.parse(bytes))
    }

    /// Classifies a parsed message: complaint, then bounce, then auto-reply, else a human reply with its intent.
    public func classify(_ message: ParsedMessage) -> Classification {
        report(message) ?? reply(message)
    }

    /// The message as a report from a machine about mail we sent: a complaint (ARF), a bounce or a
    /// delivery success notice (DSN or plain text), or a read receipt (MDN); nil when it is none of
    /// these. A report can be about a prospect whatever its sender, so it is read before matching;
    /// anything else is read only when it comes from, or answers, a prospect.
    public func report(_ message: ParsedMessage) -> Classification? {
        if let complaint = ComplaintDetector(ownAddresses: ownAddresses).detect(message) {
            return Classification(kind: .complaint, complaintAddress: complaint.address, confidence: 0.95, explanation: complaint.explanation)
        }
        switch BounceDetector(ownAddresses: ownAddresses).detect(message) {
        case .bounce(let info, let notes):
            return Classification(kind: .bounce, bounce: info, confidence: 0.9, explanation: notes)
        case .success(let notes):
            return Classification(kind: .autoReply, autoReply: AutoReplyInfo(returnDate: nil), confidence: 0.9, explanation: notes)
        case nil:
            break
        }
        if ComplaintDetector.parts(of: message.root).contains(where: { $0.mimeType == "message/disposition-notification" }) {
            return Classification(kind: .autoReply, autoReply: AutoReplyInfo(returnDate: nil), confidence: 0.9,
                explanation: ["message disposition notification (read receipt), not a reply"])
        }
        if AutoReplyDetector.isSuccessNotice(message) {
            return Classification(kind: .autoReply, autoReply: AutoReplyInfo(returnDate: nil), confidence: 0.85,
                explanation: ["delivery success notice, not a reply"])
        }
        return nil
    }

    /// The header fields `mayBeReport` reads, and those a poll needs to match a message to a
    /// prospect before it reads the rest: a mailbox can send these alone for every message, and
    /// the whole message only for those that may concern us.
    public static let screeningFields = ["From", "Subject", "Message-ID", "In-Reply-To", "References", "Return-Path", "Content-Type",
        "Auto-Submitted", "X-Failed-Recipients", "X-HmXmrOriginalRecipient"]
    /// The header fields `isSent` reads: what screening needs besides `screeningFields` when mail
    /// to one address (the unsubscribe mailbox) must be recognised.
    public static let recipientFields = ["To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"]

    /// True when `message` was sent to `address` (lowercased): in To or Cc, or, as the server that
    /// delivered it says, in Delivered-To, X-Original-To or Envelope-To (`recipientFields`).
    public static func isSent(_ message: ParsedMessage, to address: String) -> Bool {
        if message.to.contains(where: { $0.normalized == address }) { return true }
        for name in ["Cc", "Delivered-To", "X-Original-To", "Envelope-To"] {
            for value in message.headers(named: name) where AddressScanner.addresses(in: value).contains(address) { return true }
        }
        return false
    }

    /// False only when `message`'s header fields hold none of the signs that reports carry there,
    /// so its body need not be read to rule it out. Reads the fields in `screeningFields` and
    /// nothing else: `message` may have been parsed from them alone.
    ///
    /// Generous on purpose (a vacation notice or a newsletter from a `bounce@` address passes):
    /// a message let through costs one more fetch; one held back would be a report never read.
    /// What it cannot see is a report with none of the signs: a delivery-status part inside an
    /// ordinary multipart/mixed, or a qmail report, from an ordinary sender under an ordinary
    /// subject (mail systems send neither). The signs: a `multipart/report` or `message/*` body, a null Return-Path, X-Failed-Recipients,
    /// a provider's feedback-loop field, Auto-Submitted other than "no", a mail-system or feedback
    /// sender, or a subject that announces a failure, a delay, a success or a complaint.
    public func mayBeReport(_ message: ParsedMessage) -> Bool {
        mayBeReport(message, from: message.from)
    }

    /// `mayBeReport(message)` for a caller that has read `message.from` already.
    public func mayBeReport(_ message: ParsedMessage, from sender: MailAddress?) -> Bool {
        let type = message.root.contentType
        if type.value == "multipart/report" || type.type == "message" { return true }
        if message.header("Return-Path").map({ TextFold.trim($0) }) == "<>" { return true }
        if message.header("X-Failed-Recipients") != nil || message.header("X-HmXmrOriginalRecipient") != nil { return true }
        if let auto = message.header("Auto-Submitted"), TextFold.trim(auto).lowercased() != "no" { return true }
        if let local = sender?.localPart.lowercased(), Self.isReportSender(local) { return true }
        if let name = sender?.displayName, !name.isEmpty, TextSearch.containsAny(TextFold.fold(name), BounceCues.daemonNames) { return true }
        guard let subject = message.subject, !subject.isEmpty else { return false }
        return TextSearch.containsAny(TextFold.words(subject), Self.reportSubjects)
    }

    /// Local parts of the senders of bounces and complaints.
    private static let reportSenders = BounceCues.daemonSenders + ComplaintDetector.feedbackSenders

    /// True when `local` (lowercased) is one of `reportSenders`, alone or followed by `+`, `-` or `_`.
    private static func isReportSender(_ local: String) -> Bool {
        let bytes = Array(local.utf8)
        return reportSenders.contains { name in
            let count = name.utf8.count
            guard bytes.count >= count, bytes[..<count].elementsEqual(name.utf8) else { return false }
            return bytes.count == count || [UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "_")].contains(bytes[count])
        }
    }
    /// Subjects of bounces, delay and success notices, and complaints (folded words).
    private static let reportSubjects = BounceCues.failureSubjects + BounceCues.delaySubjects + ComplaintDetector.complaintSubjects
        + AutoReplyDetector.successSubjects

    /// A message that is not a `report`, classified: a removal request, an auto-reply (with its
    /// return date), or a human reply with its intent.
    public func reply(_ message: ParsedMessage) -> Classification {
        let ownText = QuoteStripper.newText(message.bestText)
        if let removal = removalRequest(message, ownText: ownText) { return removal }
        var auto = AutoReplyDetector().detect(message, ownText: ownText)
        let returnDate = auto.isAutoReply || auto.hasBodyCue
            ? ReturnDateExtractor.find(in: (message.subject ?? "") + "\n" + ownText, reference: message.date) : nil
        if !auto.isAutoReply, auto.hasBodyCue, returnDate != nil,
            IntentClassifier(excludedAddresses: ownAddresses).classify(ownText, reference: nil, learned: false).intent == .unclear
        {
            // An absence notice with a return date and no intent of its own: an out-of-office without the usual headers.
            auto.isAutoReply = true
            auto.score += 1
            auto.explanation.append("absence wording with a return date and no reply intent")
        }
        if auto.isAutoReply {
            let notes = auto.explanation + [returnDate.map { "return date \($0)" } ?? "no return date stated"]
            return Classification(kind: .autoReply, autoReply: AutoReplyInfo(returnDate: returnDate), confidence: min(1, 0.5 + auto.score * 0.1),
                explanation: notes)
        }
        return human(message, ownText: ownText, autoNotes: auto.explanation)
    }

    /// The intent of a human reply.
    private func human(_ message: ParsedMessage, ownText: String, autoNotes: [String]) -> Classification {
        var result = Classification(kind: .human, replyText: ownText, confidence: 0.3)
        if !autoNotes.isEmpty { result.explanation.append("weak auto-reply signals ignored: " + autoNotes.joined(separator: "; ")) }
        let subjectRaw = message.subject ?? ""
        let subject = Subject.stripReplyPrefixes(subjectRaw)
        let hasReplyPrefix = subject.count < TextFold.trim(subjectRaw).count
        var text = ownText
        if TextFold.trim(text).isEmpty {
            if hasReplyPrefix {
                result.intent = .unclear
                result.confidence = 0.2
                result.needsReview = true
                result.explanation.append("empty reply (the subject is our own, with a reply prefix)")
                return result
            }
            text = subject
            result.explanation.append("empty body: the subject was read instead")
        }
        var excluded = ownAddresses
        if let from = message.from { excluded.insert(from.normalized) }
        if let target = unsubscribeAddress { excluded.insert(target) }
        let verdict = IntentClassifier(excludedAddresses: excluded).classify(text, reference: message.date.flatMap { CivilDate($0) })
        result.intent = verdict.intent
        result.confidence = verdict.confidence
        result.laterDate = verdict.laterDate
        result.referralAddress = verdict.referralAddress
        result.explanation += verdict.explanation
        if verdict.confidence < 0.6, verdict.intent != .unclear {
            result.explanation.append("confidence \(verdict.confidence) is below 0.6: \(verdict.intent.rawValue) downgraded to unclear")
            result.intent = .unclear
        }
        result.needsReview = result.intent == .unclear || result.confidence < 0.6
        return result
    }

    /// A removal request by its envelope alone, decided before any auto-reply signal is weighed (a
    /// mail client's one-click mailto may carry auto-generated headers or boilerplate text): a
    /// message to the dedicated unsubscribe mailbox, or one whose subject is a removal word.
    private func removalRequest(_ message: ParsedMessage, ownText: String) -> Classification? {
        var result = Classification(kind: .human, intent: .remove, replyText: ownText, confidence: 1)
        if let target = unsubscribeAddress, Self.isSent(message, to: target) {
            result.explanation.append("sent to the unsubscribe address \(target), which receives nothing else")
            return result
        }
        let subject = Subject.stripReplyPrefixes(message.subject ?? "")
        if Self.removalSubjects.contains(TextFold.trim(TextFold.words(subject))) {
            result.confidence = 0.95
            result.explanation.append("subject is \"\(subject)\"")
            return result
        }
        // "Please remove me from your list" as the subject, over a body with nothing of its own
        // (empty, a signature, or only the quote): the subject is the request.
        let subjectText = PhraseText(subject)
        if Self.saysNothing(ownText, ownAddresses: ownAddresses), let phrase = IntentCues.remove.first(where: subjectText.contains) {
            result.confidence = 0.9
            result.explanation.append("the body has no words of its own; the subject asks for removal (\"\(phrase)\")")
            return result
        }
        return nil
    }

    /// True when `text` is empty, or a few words without any intent (a greeting, a sign-off, a
    /// name): nothing that could contradict what the subject asks.
    static func saysNothing(_ text: String, ownAddresses: Set<String>) -> Bool {
        let words = TextFold.words(text).split(separator: " ")
        guard !words.isEmpty else { return true }
        guard words.count <= 8, !text.contains("?") else { return false }
        return IntentClassifier(excludedAddresses: ownAddresses).classify(text, reference: nil, learned: false).intent == .unclear
    }

    /// Every address the message was delivered to (To, Cc, Delivered-To, X-Original-To, Envelope-To), lowercased.
}
