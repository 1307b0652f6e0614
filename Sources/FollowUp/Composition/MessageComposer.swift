public import Foundation
public import MailCore

/// Turns a step template and a prospect into the exact bytes `send` transmits.
///
/// Deterministic: the Message-ID, the MIME boundaries and the thread headers depend only on the
/// store's secret, the prospect, the message number and the clock, so a preview at the same
/// `--now` shows byte for byte what `send` will send.
public struct MessageComposer: Sendable {
    private let sender: SenderIdentity
    private let sequence: LoadedSequence
    private let secret: String
    /// Worked out once from `sender`, not once per message.
    private let senderDomain: String
    private let fromAddress: MailAddress
    private let unsubscribeLine: String
    private let listUnsubscribeMailto: String?

    /// A composer for `sequence` sent by `sender`; `secret` is the store's.
    public init(sender: SenderIdentity, sequence: LoadedSequence, secret: String) {
        self.sender = sender
        self.sequence = sequence
        self.secret = secret
        senderDomain = sender.domain
        let local = sender.email.split(separator: "@").first.map(String.init) ?? sender.email
        fromAddress = MailAddress(displayName: sender.name, localPart: local, domain: senderDomain)
        unsubscribeLine = sender.unsubscribeLine
        listUnsubscribeMailto = sender.unsubscribeMailto.map { "mailto:\($0)?subject=unsubscribe" }
    }

    /// The Message-ID of message number `attempt` to `identity`.
    public func messageID(for identity: String, attempt: Int) -> MessageID {
        MessageID.deterministic(secret: secret, prospect: identity, sequence: sequence.name, step: attempt, domain: senderDomain)
    }

    /// Composes message number `attempt` (step `step`) for `prospect`, dated `date`.
    ///
    /// - Parameters:
    ///   - firstSentAt: when the first message went out (nil: this is the first, or it is planned).
    ///   - firstSubject: the subject actually sent first, when known; else step 1's subject is rendered.
    public func compose(prospect: Prospect, step: Int, attempt: Int, at date: Date,
                        firstSentAt: Date? = nil, firstSubject: String? = nil) throws(ComposeFailure) -> ComposedMessage {
        let index = sequence.timing.templateIndex(forStep: step)
        guard sequence.steps.indices.contains(index) else {
            throw ComposeFailure(lines: ["step \(step) does not exist in a sequence of \(sequence.steps.count) steps"])
        }
        let template = sequence.steps[index]
        let rendered: RenderedStep
        do {
            rendered = try template.render(context(prospect, step: index + 1, attempt: attempt, date: date, firstSentAt: firstSentAt))
        } catch {
            throw ComposeFailure(lines: error.errors.map(\.description))
        }
        let subject: String
        if attempt == 1 || rendered.subject != nil {
            guard let own = rendered.subject else {
                throw ComposeFailure(lines: ["\(template.file): the first message needs a `subject:` line"])
            }
            subject = own
        } else {
            if let firstSubject {
                subject = Subject.reply(to: firstSubject)
            } else {
                subject = Subject.reply(to: try renderFirstSubject(prospect, date: date))
            }
        }
        let thread = (1..<max(attempt, 1)).map { messageID(for: prospect.identity, attempt: $0) }
        let ownID = messageID(for: prospect.identity, attempt: attempt)
        let message = OutgoingMessage(
            from: fromAddress,
            to: [try recipient(prospect)],
            replyTo: nil,
            subject: subject,
            date: date,
            utcOffsetSeconds: sender.timeZone.secondsFromGMT(for: date),
            messageID: ownID,
            inReplyTo: thread.last,
            references: thread,
            listUnsubscribeMailto: listUnsubscribeMailto,
            listUnsubscribeURL: sender.unsubscribeURL,
            textBody: rendered.text,
            htmlBody: rendered.html,
            extraHeaders: []
        )
        // Boundaries are drawn only for an HTML alternative; a text-only message needs no seed.
        let seed = rendered.html == nil ? 0 : SHA256.digest(Array("\(secret)\u{1F}\(prospect.identity)\u{1F}\(attempt)".utf8)).prefix(8)
            .reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let bytes: [UInt8]
        do {
            bytes = try MessageWriter(boundaries: SeededBoundaryGenerator(seed: seed)).render(message)
        } catch {
            throw ComposeFailure(lines: ["cannot compose message \(attempt) for \(prospect.email): \(error)"])
        }
        return ComposedMessage(identity: prospect.identity, recipient: prospect.email, envelopeFrom: sender.email, step: step,
                               attempt: attempt, messageID: ownID.value, subject: subject, date: date, bytes: bytes)
    }

    private func context(_ prospect: Prospect, step: Int, attempt: Int, date: Date, firstSentAt: Date?) -> RenderContext {
        let days = firstSentAt.map { max(0, Int(date.timeIntervalSince($0) / 86_400)) } ?? 0
        let builtins = Builtins(senderName: sender.name, senderEmail: sender.email, senderPostalAddress: sender.postalAddress,
                                step: step, stepsTotal: sequence.steps.count, attempts: attempt - 1, daysSinceFirst: days,
                                unsubscribeLine: unsubscribeLine)
        return RenderContext(prospectEmail: prospect.email, fields: prospect.fields, builtins: builtins)
    }

    private func renderFirstSubject(_ prospect: Prospect, date: Date) throws(ComposeFailure) -> String {
        guard let first = sequence.steps.first else { throw ComposeFailure(lines: ["the sequence has no steps"]) }
        let rendered: RenderedStep
        do {
            rendered = try first.render(context(prospect, step: 1, attempt: 1, date: date, firstSentAt: nil))
        } catch {
            throw ComposeFailure(lines: error.errors.map(\.description))
        }
        guard let subject = rendered.subject else {
            throw ComposeFailure(lines: ["\(first.file): the first step needs a `subject:` line"])
        }
        return subject
    }

    /// The prospect as a To address, with a display name from the name fields when present.
    private func recipient(_ prospect: Prospect) throws(ComposeFailure) -> MailAddress {
        let email = prospect.email
        guard let at = email.utf8.firstIndex(of: UInt8(ascii: "@")), email.utf8.lastIndex(of: UInt8(ascii: "@")) == at else {
            throw ComposeFailure(lines: ["\(prospect.email) is not an email address"])
        }
        let first = prospect.fields["first_name"].map(Self.trimmedSpaces) ?? ""
        let last = prospect.fields["last_name"].map(Self.trimmedSpaces) ?? ""
        var name = first.isEmpty ? last : last.isEmpty ? first : first + " " + last
        if name.isEmpty { name = prospect.fields["name"].map(Self.trimmedSpaces) ?? "" }
        if name.contains(where: { $0.isNewline }) {
            throw ComposeFailure(lines: ["\(prospect.email): the name fields contain a line break, which cannot go in the To: header"])
        }
        return MailAddress(displayName: name.isEmpty ? nil : name, localPart: String(email[..<at]), domain: String(email[email.utf8.index(after: at)...]))
    }

    /// `text` without leading and trailing spaces and tabs (Foundation only when there are some).
    private static func trimmedSpaces(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        let edges = first.properties.isWhitespace || last.properties.isWhitespace
        return edges ? text.trimmingCharacters(in: .whitespaces) : text
    }
}
