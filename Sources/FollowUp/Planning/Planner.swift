public import Foundation

/// Decides what goes out when: each prospect's next step becomes due after its delay, inside
/// the prospect's window; messages leave one at a time with the minimum gap plus a
/// deterministic jitter, and no more than the daily cap per day.
///
/// Pure and deterministic: the same candidates, clock and seed give the same plan, which is
/// how a preview shows exactly what `send` will do.
public struct Planner: Sendable {
    private let policy: SendingPolicy
    private let timing: SequenceTiming
    private let seed: String
    private let mailboxCalendar: SendingCalendar

    /// A planner for `policy` and `timing`; `seed` (a per-store secret) keys the jitter.
    public init(policy: SendingPolicy, timing: SequenceTiming, seed: String) {
        self.policy = policy
        self.timing = timing
        self.seed = seed
        self.mailboxCalendar = SendingCalendar(timeZone: policy.defaultTimeZone, policy: policy)
    }

    /// When `candidate`'s next step is due (inside its window), or nil when its sequence is over.
    public func due(_ candidate: PlanCandidate) -> Date? {
        due(candidate, calendar: SendingCalendar(timeZone: candidate.timeZone, policy: policy))
    }

    /// The due time of every candidate (nil for those whose sequence is over), in order.
    public func dueTimes(_ candidates: [PlanCandidate]) -> [Date?] {
        var calendars = SendingCalendars(policy: policy)
        return candidates.map { due($0, calendar: calendars.calendar(for: $0.timeZone)) }
    }

    private func due(_ candidate: PlanCandidate, calendar: SendingCalendar) -> Date? {
        guard timing.allows(step: candidate.nextStep, attempt: candidate.attempts + 1),
              let delay = timing.delay(beforeStep: candidate.nextStep) else { return nil }
        var due = calendar.due(after: candidate.lastSentAt ?? candidate.enrolledAt, days: delay)
        if let notBefore = candidate.notBefore, notBefore > due { due = calendar.nextOpening(atOrAfter: notBefore) }
        return due
    }

    /// Plans every message due at or before `dueBy` whose slot is at or before `slotsUntil`,
    /// in slot order, following each prospect through later steps as if nobody answered.
    ///
    /// - Parameters:
    ///   - candidates: the enrolled prospects.
    ///   - now: the clock; nothing is planned before it.
    ///   - lastSentAt: when the mailbox last sent anything (the gap counts from there).
    ///   - sentPerDay: messages already sent, by `SendingCalendar.dayKey` in the default time zone.
    public func plan(_ candidates: [PlanCandidate], now: Date, dueBy: Date, slotsUntil: Date,
                     lastSentAt: Date? = nil, sentPerDay: [Int: Int] = [:]) -> [PlanEntry] {
        var calendars = SendingCalendars(policy: policy)
        var heap = MinHeap<Pending>()
        for (index, candidate) in candidates.enumerated() {
            guard let due = due(candidate, calendar: calendars.calendar(for: candidate.timeZone)), due <= dueBy else { continue }
            heap.push(Pending(time: due, due: due, prospectID: candidate.prospectID, index: index,
                              step: candidate.nextStep, attempt: candidate.attempts + 1, previousAt: candidate.lastSentAt))
        }
        var cursor = max(now, lastSentAt.map { $0.addingTimeInterval(TimeInterval(policy.minGapSeconds)) } ?? now)
        var counts = sentPerDay
        var entries: [PlanEntry] = []
        while let next = heap.pop() {
            let candidate = candidates[next.index]
            let zone = calendars.calendar(for: candidate.timeZone)
            let slot = max(next.time, cursor)
            guard slot <= slotsUntil else { break }
            if !zone.isOpen(slot) {
                // Always move forward, even if a time-zone oddity yields no later opening.
                let opening = zone.nextOpening(atOrAfter: slot)
                heap.push(next.movedTo(opening > slot ? opening : slot.addingTimeInterval(3600)))
                continue
            }
            let day = mailboxCalendar.dayKey(slot)
            if counts[day, default: 0] >= policy.dailyCap {
                cursor = max(cursor, mailboxCalendar.startOfNextDay(after: slot))
                heap.push(next.movedTo(zone.nextOpening(atOrAfter: cursor)))
                continue
            }
            entries.append(PlanEntry(prospectID: candidate.prospectID, step: next.step, attempt: next.attempt,
                                     dueAt: next.due, slot: slot, previousAt: next.previousAt))
            counts[day, default: 0] += 1
            cursor = slot.addingTimeInterval(TimeInterval(policy.minGapSeconds + jitter(candidate.identity, next.attempt)))
            let following = next.step + 1
            if timing.allows(step: following, attempt: next.attempt + 1), let delay = timing.delay(beforeStep: following) {
                let due = zone.due(after: slot, days: delay)
                if due <= dueBy {
                    heap.push(Pending(time: due, due: due, prospectID: candidate.prospectID, index: next.index,
                                      step: following, attempt: next.attempt + 1, previousAt: slot))
                }
            }
        }
        return entries
    }

    /// The seconds of jitter after message `attempt` to `identity`: 0...jitterSeconds, fixed per pair.
    public func jitter(_ identity: String, _ attempt: Int) -> Int {
        guard policy.jitterSeconds > 0 else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(seed)\u{0}\(identity)\u{0}\(attempt)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(policy.jitterSeconds + 1))
    }
}

/// A message waiting in the planner's queue, ordered by time, then prospect, then step.
private struct Pending: Comparable {
    let time: Date
    let due: Date
    let prospectID: Int64
    let index: Int
    let step: Int
    let attempt: Int
    let previousAt: Date?

    func movedTo(_ time: Date) -> Pending {
        Pending(time: time, due: due, prospectID: prospectID, index: index, step: step, attempt: attempt, previousAt: previousAt)
    }

    static func < (lhs: Pending, rhs: Pending) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.prospectID != rhs.prospectID { return lhs.prospectID < rhs.prospectID }
        return lhs.step < rhs.step
    }

    static func == (lhs: Pending, rhs: Pending) -> Bool {
        lhs.time == rhs.time && lhs.prospectID == rhs.prospectID && lhs.step == rhs.step
    }
}
