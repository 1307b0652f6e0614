public import Foundation

/// What goes out: the one computation behind `send`, `preview`, `status` and `triage`, so that
/// what a preview shows is what a send sends.
public enum DuePlan {
    /// The messages due by `now + days` for `candidates`, given what `store` says was sent lately
    /// (nothing, without a store). With `days == 0`, the run `send` makes at `now`: every due
    /// message, spaced by the gap, until the window closes or the cap is reached.
    public static func make(policy: SendingPolicy, timing: SequenceTiming, candidates: [PlanCandidate], store: (any PlanningStore)?,
                            now: Date, days: Int, secret: String) throws(StoreError) -> [PlanEntry] {
        let planner = Planner(policy: policy, timing: timing, seed: secret)
        let history = try store?.sendHistory(since: now.addingTimeInterval(-2 * 86_400)) ?? SendHistory(lastSentAt: nil, sentTimes: [])
        let calendar = SendingCalendar(timeZone: policy.defaultTimeZone, policy: policy)
        var perDay: [Int: Int] = [:]
        for time in history.sentTimes { perDay[calendar.dayKey(time), default: 0] += 1 }
        let horizon = now.addingTimeInterval(TimeInterval(days) * 86_400)
        if days > 0 {
            return planner.plan(candidates, now: now, dueBy: horizon, slotsUntil: horizon,
                                lastSentAt: history.lastSentAt, sentPerDay: perDay)
        }
        let entries = planner.plan(candidates, now: now, dueBy: now, slotsUntil: now.addingTimeInterval(86_400),
                                   lastSentAt: history.lastSentAt, sentPerDay: perDay)
        return contiguousRun(entries, now: now, policy: policy)
    }

    /// The leading entries whose slots follow each other by no more than the gap plus jitter:
    /// what one `send` run sends before the window closes or the cap stops it.
    public static func contiguousRun(_ entries: [PlanEntry], now: Date, policy: SendingPolicy) -> [PlanEntry] {
        let step = TimeInterval(policy.minGapSeconds + policy.jitterSeconds + 1)
        var run: [PlanEntry] = []
        var previous = now
        for entry in entries {
            guard entry.slot <= previous.addingTimeInterval(step) else { break }
            run.append(entry)
            previous = entry.slot
        }
        return run
    }
}
