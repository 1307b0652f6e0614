import FollowUp
import FollowUpStore
import Foundation

/// What goes out, shared by `preview` and `send` so that both compute the same slots.
enum DuePlan {
    /// The messages due by `now + days`. With `days == 0`, the run `send` makes at `now`: every
    /// due message, spaced by the gap, until the window closes or the cap is reached.
    static func make(config: FollowUpConfig, candidates: [PlanCandidate], store: SQLiteProspectStore?, now: Date,
                     days: Int, secret: String) throws(CLIFailure) -> [PlanEntry] {
        let policy = config.sendingPolicy
        let planner = Planner(policy: policy, timing: config.sequenceTiming, seed: secret)
        let history: SendHistory
        do {
            history = try store?.sendHistory(since: now.addingTimeInterval(-2 * 86_400)) ?? SendHistory(lastSentAt: nil, sentTimes: [])
        } catch {
            throw CLIFailure(.failed, error.description)
        }
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
    static func contiguousRun(_ entries: [PlanEntry], now: Date, policy: SendingPolicy) -> [PlanEntry] {
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
