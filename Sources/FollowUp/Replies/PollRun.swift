public import Foundation
import MailCore
public import Triage

/// One `poll`: reads what arrived since the last poll, matches each message to a prospect,
/// classifies it and applies the outcome. Incremental by UID: its cost grows with the number of
/// new messages, not the size of the mailbox; a changed UID validity triggers a re-scan that
/// skips messages already processed (by Message-ID).
public struct PollRun {
    private let mailbox: any ReplyMailbox
    private let ledger: any ReplyLedger
    private let classifier: ReplyClassifier
    private let ownAddresses: Set<String>
    private let unsubscribeAddress: String?
    private let temporaryBounceLimit: Int
    private let timeZone: (Prospect) -> TimeZone

    /// A poll of `mailbox` into `ledger`.
    ///
    /// - Parameters:
    ///   - classifier: reads each message (pure).
    ///   - ownAddresses: the sender's addresses; mail from them is ours, not a reply.
    ///   - unsubscribeAddress: the List-Unsubscribe mailto target; mail to it is a removal request.
    ///   - timeZone: a prospect's time zone, in which return and "later" dates are read.
    public init(mailbox: any ReplyMailbox, ledger: any ReplyLedger, classifier: ReplyClassifier,
                ownAddresses: [String], unsubscribeAddress: String?, temporaryBounceLimit: Int = 3,
                timeZone: @escaping (Prospect) -> TimeZone = { _ in .gmt }) {
        self.timeZone = timeZone
        self.mailbox = mailbox
        self.ledger = ledger
        self.classifier = classifier
        self.ownAddresses = Set(ownAddresses.map { $0.lowercased() })
        self.unsubscribeAddress = unsubscribeAddress?.lowercased()
        self.temporaryBounceLimit = temporaryBounceLimit
    }

    /// Polls once; `now` stamps the outcomes.
    public func run(now: Date) throws -> PollReport {
        var report = PollReport()
        let (validity, next) = try mailbox.validityAndNextUID()
        let saved = try ledger.cursor(for: mailbox.name)
        var uids: [UInt32]
        if let saved, saved.uidValidity == validity {
            // Always a search from the cursor, with the mailbox selected: STATUS can lag behind the
            // mailbox (Dovecot may answer it from its mailbox-list index for a while after a
            // delivery), and a reply must not wait for it.
            uids = try mailbox.uids(from: saved.nextUID)
            if uids.isEmpty && saved.nextUID >= next {
                report.nothingNew = true
                return report
            }
        } else if let first = try ledger.earliestSend() {
            // First poll, or the UID validity changed: everything since we first wrote to anyone.
            uids = try mailbox.uids(arrivedSince: first.addingTimeInterval(-86_400))
        } else {
            uids = []  // nothing was ever sent, so nothing can be a reply
        }
        uids.sort()
        var start = 0
        while start < uids.count {
            let batch = Array(uids[start..<min(start + 50, uids.count)])
            start += batch.count
            var settledCopies: [UInt32] = []
            // Parsing and looking for delivery reports take most of a poll's time; they are pure, so
            // each batch is read on every core, then applied in order.
            let classifier = self.classifier
            let read = ConcurrentMap.map(try mailbox.fetch(uids: batch)) { fetched in
                let message = MessageReader.parse(fetched.bytes)
                return (uid: fetched.uid, message: message, deliveryReport: classifier.report(message))
            }
            for item in read {
                if try process(uid: item.uid, message: item.message, deliveryReport: item.deliveryReport, validity: validity, now: now,
                               report: &report) {
                    settledCopies.append(item.uid)
                }
            }
            if !settledCopies.isEmpty {
                // Out of the way once they have served: a failure to move costs nothing but clutter.
                do {
                    try mailbox.moveOwnCopies(uids: settledCopies)
                    report.ownCopiesMoved += settledCopies.count
                } catch {
                    report.warnings.append("could not move \(settledCopies.count) copy(ies) of our own messages out of \(mailbox.name): \(error)")
                }
            }
            if let last = batch.last { try ledger.saveCursor(for: mailbox.name, uidValidity: validity, nextUID: max(last + 1, 1)) }
        }
        try ledger.saveCursor(for: mailbox.name, uidValidity: validity, nextUID: max(next, (uids.last ?? 0) + 1))
        return report
    }

    /// Temporary bounces for one address that keep coming for this many days make it permanent.
    public static let temporaryBounceDays = 4

    /// Classifies and applies one message (`deliveryReport`: what `ReplyClassifier.report` found in
    /// it); true when it is the witness copy of a message whose sending is settled, which can now
    /// leave the mailbox.
    private func process(uid: UInt32, message: ParsedMessage, deliveryReport: Classification?, validity: UInt32, now: Date,
                         report: inout PollReport) throws -> Bool {
        report.examined += 1
        let messageID = message.messageID
        if try ledger.wasProcessed(mailbox: mailbox.name, uidValidity: validity, uid: uid, messageID: messageID) { return false }
        if let messageID, try ledger.prospect(sentMessageID: messageID) != nil {
            report.ownCopies += 1  // the witness copy of a message we sent
            return try ledger.isSettled(sentMessageID: messageID)
        }
        let sender = message.from?.address.lowercased()
        let toUnsubscribe = unsubscribeAddress.map { target in
            message.to.contains { $0.address.lowercased() == target } || (message.header("Delivered-To")?.lowercased().contains(target) ?? false)
        } ?? false
        if let sender, ownAddresses.contains(sender), !toUnsubscribe {
            report.ownCopies += 1
            return false
        }
        // Delivery reports name their prospect anywhere in their text, so every message is checked
        // for being one; anything else is about a prospect only when it comes from one or answers our
        // mail, and is read in full only then (the user's own mail is left alone, and unread by us).
        if deliveryReport == nil, !toUnsubscribe, try !isFromOrAboutProspect(message, sender: sender) { return false }
        let classification = deliveryReport ?? classifier.reply(message)
        let record = ProcessedReply(mailbox: mailbox.name, uidValidity: validity, uid: uid, messageID: messageID, sender: sender,
                                    receivedAt: message.date, kind: classification.kind, intent: classification.intent,
                                    explanation: classification.explanation, subject: message.subject, text: classification.replyText,
                                    foldedLines: Self.foldedLines(body: message.bestText, own: classification.replyText),
                                    bounceCause: classification.bounce?.cause.rawValue)
        guard let (prospect, senderIsProspect) = try match(message, classification: classification, sender: sender) else {
            if toUnsubscribe, let sender {
                // Someone who is not (or no longer) a prospect asked to be removed: honour it anyway.
                let outcome = ReplyOutcome(newState: nil, suppress: sender, summary: "suppressed: wrote to the unsubscribe address")
                try ledger.recordReply(record, prospectID: nil, outcome: outcome, at: now)
                report.matched += 1
                report.changes.append(.init(prospect: sender, summary: outcome.summary))
            }
            return false  // not ours: the user's own mail is left alone
        }
        report.matched += 1
        var outcome = OutcomePolicy.decide(classification, current: prospect.state, address: prospect.identity,
                                           senderIsProspect: senderIsProspect, receivedAt: message.date ?? now, timeZone: timeZone(prospect))
        if outcome.temporaryBounce, !prospect.state.isClosed {
            let received = message.date ?? now
            if try ledger.temporaryBounces(prospectID: prospect.id) + 1 >= temporaryBounceLimit {
                outcome.newState = .bounced
                outcome.summary = "bounced: \(temporaryBounceLimit) temporary delivery failures; giving up"
            } else if let first = try ledger.firstTemporaryBounce(prospectID: prospect.id),
                      received.timeIntervalSince(first) >= Double(Self.temporaryBounceDays) * 86_400 {
                outcome.newState = .bounced
                outcome.summary = "bounced: temporary delivery failures for \(Self.temporaryBounceDays) days or more; giving up"
            }
        }
        try ledger.recordReply(record, prospectID: prospect.id, outcome: outcome, at: now)
        report.changes.append(.init(prospect: prospect.email, summary: outcome.summary))
        if let warning = outcome.warning { report.warnings.append(warning) }
        return false
    }

    /// The prospect a message is about, and whether its sender is that prospect.
    private func match(_ message: ParsedMessage, classification: Classification, sender: String?) throws -> (Prospect, Bool)? {
        switch classification.kind {
        case .bounce, .complaint:
            for address in (classification.bounce?.recipients ?? []) + [classification.complaintAddress].compactMap({ $0 }) {
                if let prospect = try ledger.prospect(identity: address.lowercased()) { return (prospect, true) }
            }
            for original in message.attachedMessages {
                if let id = original.messageID, let prospect = try ledger.prospect(sentMessageID: id) { return (prospect, true) }
                for address in original.to {
                    if let prospect = try ledger.prospect(identity: address.address.lowercased()) { return (prospect, true) }
                }
            }
            return try threadProspect(message).map { ($0, true) }
        case .autoReply, .human:
            if let sender, let prospect = try ledger.prospect(identity: sender) { return (prospect, true) }
            if let prospect = try threadProspect(message) { return (prospect, false) }
            return nil
        }
    }

    /// True when the sender is a prospect or the message answers a message we sent.
    private func isFromOrAboutProspect(_ message: ParsedMessage, sender: String?) throws -> Bool {
        if let sender, try ledger.prospect(identity: sender) != nil { return true }
        return try threadProspect(message) != nil
    }

    private func threadProspect(_ message: ParsedMessage) throws -> Prospect? {
        for id in (message.inReplyTo + message.references.reversed()) {
            if let prospect = try ledger.prospect(sentMessageID: id) { return prospect }
        }
        return nil
    }

    /// Non-empty lines of `body` beyond those of the person's own text: the quoted original and the signature.
    static func foldedLines(body: String, own: String?) -> Int {
        func count(_ text: String) -> Int { text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.count }
        return max(0, count(body) - count(own ?? ""))
    }
}
