public import Foundation
import MailCore
public import Triage

/// What a classified reply does to its prospect.
public struct ReplyOutcome: Sendable, Equatable {
    /// The prospect's new state, or nil to leave it as it is.
    public var newState: ProspectState?
    /// For `snoozed`: when the sequence resumes.
    public var snoozeUntil: Date?
    /// An address (or `@domain`) to put on the suppression list.
    public var suppress: String?
    /// True for a temporary bounce (counted; enough of them make the prospect `bounced`).
    public var temporaryBounce: Bool
    /// One line for the user: what happened and why.
    public var summary: String
    /// Something the user must hear about (a spam complaint).
    public var warning: String?

    /// Creates an outcome.
    public init(newState: ProspectState?, snoozeUntil: Date? = nil, suppress: String? = nil, temporaryBounce: Bool = false,
                summary: String, warning: String? = nil) {
        self.newState = newState
        self.snoozeUntil = snoozeUntil
        self.suppress = suppress
        self.temporaryBounce = temporaryBounce
        self.summary = summary
        self.warning = warning
    }
}

/// Decides the outcome of a classified message. Pure: the same inputs always give the same outcome.
///
/// The rules keep the product's promises: an explicit no closes (`closed_no`), a removal request
/// or a complaint unsubscribes and suppresses, a permanent bounce stops; auto-replies and "later"
/// pause; anything uncertain goes to a person; and nothing ever revives a closed prospect.
public enum OutcomePolicy {
    /// Days to pause after an auto-reply without a return date.
    public static let defaultAutoReplyPauseDays = 3
    /// Days to pause after "later" without a date.
    public static let defaultLaterPauseDays = 30

    /// The outcome of `classification` for a prospect now in `current`.
    ///
    /// - Parameters:
    ///   - senderIsProspect: false when the message came from someone else in the prospect's thread;
    ///     then nothing closes the prospect silently: closing verdicts go to review instead.
    ///   - address: the prospect's address (what a removal request suppresses).
    ///   - timeZone: the prospect's time zone: a return or "later" date is the start of that day
    ///     there (the planner then waits for the prospect's window to open on it).
    public static func decide(_ classification: Classification, current: ProspectState, address: String,
                              senderIsProspect: Bool, receivedAt: Date, timeZone: TimeZone = .gmt) -> ReplyOutcome {
        let proposed = propose(classification, address: address, receivedAt: receivedAt, timeZone: timeZone)
        var outcome = proposed
        let closing = proposed.newState == .closedNo || proposed.newState == .unsubscribed
        if closing && !senderIsProspect && classification.kind == .human {
            return ReplyOutcome(newState: current.isClosed ? nil : .needsReview,
                                summary: "a reply from someone else in the thread reads as \(proposed.newState?.rawValue ?? "a no"); a person should decide")
        }
        if current.isClosed {
            // Never revive; only a removal request or complaint can still tighten the state.
            guard proposed.newState == .unsubscribed || (proposed.newState == .bounced && current != .unsubscribed) else {
                outcome.newState = nil
                outcome.snoozeUntil = nil
                outcome.summary = "recorded; the prospect stays \(current.rawValue)"
                return outcome
            }
            return outcome
        }
        if current == .replied || current == .needsReview {
            // A person is already on it: only an explicit no or a removal changes that.
            if proposed.newState == .snoozed || proposed.newState == .replied || proposed.newState == nil {
                outcome.newState = nil
                outcome.snoozeUntil = nil
                outcome.summary = "recorded; the prospect stays \(current.rawValue)"
            }
        }
        return outcome
    }

    private static func propose(_ classification: Classification, address: String, receivedAt: Date, timeZone: TimeZone) -> ReplyOutcome {
        switch classification.kind {
        case .bounce:
            let bounce = classification.bounce
            if let bounce, bounce.permanent {
                let warning = bounce.action == .stopAndWarn
                    ? "mail to \(address) was refused (\(bounce.cause.words)\(bounce.status.map { ", \($0)" } ?? "")): other mail from your "
                      + "mailbox may be refused too; check its sending reputation and your domain's SPF, DKIM and DMARC"
                    : nil
                return ReplyOutcome(newState: .bounced, summary: "bounced: \(bounce.reason)", warning: warning)
            }
            return ReplyOutcome(newState: nil, temporaryBounce: true, summary: "temporary delivery problem: \(bounce?.reason ?? "delayed")")
        case .complaint:
            return ReplyOutcome(newState: .unsubscribed, suppress: address, summary: "unsubscribed: marked our message as spam",
                                warning: "a spam complaint about your mail to \(address); complaint rates decide whether your mail is delivered at all")
        case .autoReply:
            if let text = classification.autoReply?.returnDate, let date = day(text, in: timeZone) {
                return ReplyOutcome(newState: .snoozed, snoozeUntil: date, summary: "snoozed until \(text): out of office")
            }
            if classification.explanation.contains(where: { $0.lowercased().contains("delivery success") }) {
                return ReplyOutcome(newState: nil, summary: "delivery notice, not a reply")
            }
            let until = receivedAt.addingTimeInterval(TimeInterval(defaultAutoReplyPauseDays) * 86_400)
            return ReplyOutcome(newState: .snoozed, snoozeUntil: until,
                                summary: "snoozed until \(dayText(until, in: timeZone)) (\(defaultAutoReplyPauseDays) days): automatic reply without a return date")
        case .human:
            if classification.needsReview {
                return ReplyOutcome(newState: .needsReview, summary: "needs review: the reply could not be settled with confidence")
            }
            switch classification.intent ?? .unclear {
            case .no:
                return ReplyOutcome(newState: .closedNo, summary: "closed: the prospect said no")
            case .remove:
                return ReplyOutcome(newState: .unsubscribed, suppress: address, summary: "unsubscribed: asked to be removed")
            case .positive:
                return ReplyOutcome(newState: .replied, summary: "replied: interested; over to you")
            case .later:
                if let text = classification.laterDate, let until = day(text, in: timeZone) {
                    return ReplyOutcome(newState: .snoozed, snoozeUntil: until, summary: "snoozed until \(text): asked to follow up later")
                }
                let until = receivedAt.addingTimeInterval(TimeInterval(defaultLaterPauseDays) * 86_400)
                return ReplyOutcome(newState: .snoozed, snoozeUntil: until,
                                    summary: "snoozed until \(dayText(until, in: timeZone)) (\(defaultLaterPauseDays) days, no date given): asked to follow up later")
            case .referral:
                let who = classification.referralAddress.map { " to \($0)" } ?? ""
                return ReplyOutcome(newState: .replied, summary: "replied: referred you\(who) (not enrolled automatically)")
            case .unclear:
                return ReplyOutcome(newState: .replied, summary: "replied: a person should read it")
            }
        }
    }

    /// `2026-12-07` as the start of that day in `zone` (UTC unless given), or nil when it is not
    /// such a date. On a day that starts with a daylight-saving gap, the first instant of the day.
    public static func day(_ text: String, in zone: TimeZone = .gmt) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day) else { return nil }
        return calendar.startOfDay(for: date)
    }

    /// The day of `date` in `zone`, as `2026-12-07`.
    public static func dayText(_ date: Date, in zone: TimeZone = .gmt) -> String {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let (year, month, day) = CivilDay.components(Int((local / 86_400).rounded(.down)))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
