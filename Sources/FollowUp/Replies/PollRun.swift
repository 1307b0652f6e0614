public import Foundation
import MailCore
public import Triage

/// One `poll`: reads what arrived since the last poll, matches each message to a prospect,
/// classifies it and applies the outcome. Incremental by UID: its cost grows with the number of
/// new messages, not the size of the mailbox; a changed UID validity triggers a re-scan that
/// skips messages already processed (by Message-ID). It reads the header of every new message and
/// fetches whole only those that come from or answer a prospect, go to the unsubscribe address,
/// or may be a delivery report: the rest of the user's mail is neither downloaded nor read.
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
            let chunk = Array(uids[start..<min(start + Self.chunkSize, uids.count)])
            start += chunk.count
            try poll(chunk, validity: validity, now: now, report: &report)
        }
        try ledger.saveCursor(for: mailbox.name, uidValidity: validity, nextUID: max(next, Self.after(uids.last ?? 0)))
        return report
    }

    /// Messages screened together; a poll that stops (a dropped connection, a kill) loses at most
    /// the screening of one such chunk, and the store's snapshot is never older than one.
    static let chunkSize = 5_000
    /// Messages fetched whole (or moved away), classified and applied between two saves of the cursor.
    static let batchSize = 50

    /// The UID after `uid` (the cursor's next), which stays at the highest UID there is.
    public static func after(_ uid: UInt32) -> UInt32 {
        uid == .max ? .max : uid + 1
    }

    /// Screens a chunk of messages by their headers, then reads whole and applies the chosen ones,
    /// moving the cursor past each batch.
    private func poll(_ chunk: [UInt32], validity: UInt32, now: Date, report: inout PollReport) throws {
        // Every message's header first: most of a mailbox is the user's own mail, which a header
        // rules out, and only what may concern us is then fetched whole. The headers come in
        // groups, each read in the background while the next arrives, then screened against the
        // store a thousand at a time.
        let reader = BackgroundMap(Self.headReader(classifier: classifier, unsubscribeAddress: unsubscribeAddress))
        let fields = ReplyClassifier.screeningFields + (unsubscribeAddress == nil ? [] : ReplyClassifier.recipientFields)
        try mailbox.fetchHeaders(fields, uids: chunk) { group in reader.submit(group) }
        let heads = reader.results()
        var screenings: [UInt32: Screening] = [:]
        var start = 0
        while start < heads.count {
            let group = heads[start..<min(start + 1_000, heads.count)]
            start += group.count
            try screen(group, into: &screenings, report: &report)
        }
        // Then the chosen ones, `batchSize` at a time in UID order.
        var batch: [UInt32] = []
        var chosen = 0
        for uid in chunk {
            batch.append(uid)
            if screenings[uid, default: .leave] != .leave { chosen += 1 }
            if chosen == Self.batchSize || uid == chunk.last {
                try read(batch, screenings: screenings, validity: validity, now: now, report: &report)
                try ledger.saveCursor(for: mailbox.name, uidValidity: validity, nextUID: Self.after(uid))
                batch = []
                chosen = 0
            }
        }
    }

    /// What a message's header says, read before its body is.
    private struct Head: Sendable {
        /// Its Message-ID.
        var messageID: String?
        /// The sender's address, lowercased.
        var sender: String?
        /// The ids it answers: In-Reply-To, then References newest first.
        var answers: [String]
        /// Whether it was sent to the List-Unsubscribe mailbox.
        var toUnsubscribe: Bool
        /// Whether it may be a delivery report (`ReplyClassifier.mayBeReport`).
        var mayBeReport: Bool
    }

    /// What to do with a message, by its header.
    private enum Screening: Equatable {
        /// Nothing: not about a prospect, or a copy of ours still needed.
        case leave
        /// A copy of a message we sent whose sending is settled: it can leave the mailbox.
        case settledCopy
        /// Fetch it whole and look for a report in it; `asReply` when it comes from or answers a
        /// prospect, or goes to the unsubscribe address, so that it is classified as a reply if it
        /// is no report.
        case read(asReply: Bool)
    }

    /// What `run` reads from each header block (pure, so it runs on any thread).
    private static func headReader(classifier: ReplyClassifier,
                                   unsubscribeAddress: String?) -> @Sendable ((uid: UInt32, bytes: [UInt8])) -> (uid: UInt32, head: Head) {
        { fetched in
            let message = MessageReader.parseHeader(fetched.bytes)
            let from = message.from
            return (uid: fetched.uid, head: Head(messageID: message.messageID, sender: from?.address.lowercased(),
                                                 answers: message.inReplyTo + message.references.reversed(),
                                                 toUnsubscribe: Self.isSent(message, to: unsubscribeAddress),
                                                 mayBeReport: classifier.mayBeReport(message, from: from)))
        }
    }

    /// Screens a group of read headers against the store (with one look-up for the whole group),
    /// into `screenings`.
    private func screen(_ heads: ArraySlice<(uid: UInt32, head: Head)>, into screenings: inout [UInt32: Screening],
                        report: inout PollReport) throws {
        try ledger.reading {
            let known = try ledger.known(messageIDs: Set(heads.flatMap { [$0.head.messageID].compactMap { $0 } + $0.head.answers }),
                                         identities: Set(heads.compactMap(\.head.sender)))
            for item in heads {
                screenings[item.uid] = try screen(item.head, known: known, report: &report)
            }
        }
    }

    /// Decides from its header what a message is to the campaign (`known`: which of its group's
    /// Message-IDs we sent, and which of its senders are prospects); counts it as examined.
    private func screen(_ head: Head, known: (messageIDs: Set<String>, identities: Set<String>), report: inout PollReport) throws -> Screening {
        report.examined += 1
        if let messageID = head.messageID, known.messageIDs.contains(messageID) {
            report.ownCopies += 1  // the witness copy of a message we sent
            return try ledger.isSettled(sentMessageID: messageID) ? .settledCopy : .leave
        }
        if let sender = head.sender, ownAddresses.contains(sender), !head.toUnsubscribe {
            report.ownCopies += 1
            return .leave
        }
        // Delivery reports name their prospect anywhere in their text, so every message that may
        // be one is read; anything else is about a prospect only when it comes from one or answers
        // our mail, and is read only then (the user's own mail is left alone, and unread by us).
        let fromOrAboutProspect = head.sender.map(known.identities.contains) == true || head.answers.contains(where: known.messageIDs.contains)
        let asReply = head.toUnsubscribe || fromOrAboutProspect
        return head.mayBeReport || asReply ? .read(asReply: asReply) : .leave
    }

    /// Fetches whole the messages of `batch` that screening chose, classifies them on every core
    /// and applies them in UID order; then moves the settled copies of our own messages away.
    private func read(_ batch: [UInt32], screenings: [UInt32: Screening], validity: UInt32, now: Date, report: inout PollReport) throws {
        let settledCopies = batch.filter { screenings[$0] == .settledCopy }
        let asReply = Set(batch.filter { screenings[$0] == .read(asReply: true) })
        let wanted = batch.filter { asReply.contains($0) || screenings[$0] == .read(asReply: false) }
        if !wanted.isEmpty {
            // Parsing and classifying take most of the time; they are pure, so they run on every
            // core, and the outcomes are applied in order.
            let classifier = self.classifier
            let read = ConcurrentMap.map(try mailbox.fetch(uids: wanted)) { fetched in
                let message = MessageReader.parse(fetched.bytes)
                let classification = classifier.report(message) ?? (asReply.contains(fetched.uid) ? classifier.reply(message) : nil)
                return (uid: fetched.uid, message: message, classification: classification)
            }
            for item in read {
                try process(uid: item.uid, message: item.message, classification: item.classification, validity: validity, now: now,
                            report: &report)
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
    }

    /// Whether the message was sent to `target`, the List-Unsubscribe mailbox (lowercased).
    private static func isSent(_ message: ParsedMessage, to target: String?) -> Bool {
        target.map { ReplyClassifier.isSent(message, to: $0) } ?? false
    }

    /// Temporary bounces for one address that keep coming for this many days make it permanent.
    public static let temporaryBounceDays = 4

    /// Applies one message that `screen` chose to read: `classification` is what
    /// `ReplyClassifier.report` found in it, or else its reading as a reply, or nil
    /// when it was not read as one.
    private func process(uid: UInt32, message: ParsedMessage, classification precomputed: Classification?, validity: UInt32, now: Date,
                         report: inout PollReport) throws {
        let messageID = message.messageID
        // Processed by an earlier poll, or earlier in this one under another UID.
        if try ledger.wasProcessed(mailbox: mailbox.name, uidValidity: validity, uid: uid, messageID: messageID) { return }
        let sender = message.from?.address.lowercased()
        let toUnsubscribe = Self.isSent(message, to: unsubscribeAddress)
        // A message read because it might have been a report, and is not, is treated like any other
        // (one read as a reply came from or answered a prospect, or went to the unsubscribe address).
        if precomputed == nil, !toUnsubscribe, try !isFromOrAboutProspect(sender: sender, answers: message.inReplyTo + message.references.reversed()) {
            return
        }
        let classification = precomputed ?? classifier.reply(message)
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
            return  // not ours: the user's own mail is left alone
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

    /// True when the sender is a prospect or the message answers (`answers`: the ids of
    /// In-Reply-To and References) a message we sent.
    private func isFromOrAboutProspect(sender: String?, answers: [String]) throws -> Bool {
        if let sender, try ledger.prospect(identity: sender) != nil { return true }
        return try threadProspect(answers) != nil
    }

    /// The prospect of the first of `answers` that is a message we sent.
    private func threadProspect(_ answers: [String]) throws -> Prospect? {
        for id in answers {
            if let prospect = try ledger.prospect(sentMessageID: id) { return prospect }
        }
        return nil
    }

    private func threadProspect(_ message: ParsedMessage) throws -> Prospect? {
        try threadProspect(message.inReplyTo + message.references.reversed())
    }

    /// Non-empty lines of `body` beyond those of the person's own text: the quoted original and the signature.
    static func foldedLines(body: String, own: String?) -> Int {
        func count(_ text: String) -> Int { text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.count }
        return max(0, count(body) - count(own ?? ""))
    }
}
