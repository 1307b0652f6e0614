import FollowUp
import Foundation

extension FollowUpConfig {
    /// The schedule as the planner sees it.
    var sendingPolicy: SendingPolicy {
        SendingPolicy(defaultTimeZone: TimeZone(identifier: schedule.timeZone) ?? .gmt,
                      windowStart: schedule.windowStart, windowEnd: schedule.windowEnd, weekdays: schedule.weekdays,
                      dailyCap: schedule.dailyCap, minGapSeconds: schedule.minGapSeconds,
                      jitterSeconds: schedule.jitterSeconds, businessDays: schedule.businessDays)
    }

    /// The steps' timing as the planner sees it.
    var sequenceTiming: SequenceTiming {
        let after: SequenceTiming.AfterLastStep
        switch afterLastStep {
        case .stop: after = .stop
        case .repeatLast(let every, let max): after = .repeatLast(everyDays: every, maxAttempts: max)
        }
        return SequenceTiming(delays: steps.map(\.delayDays), afterLastStep: after)
    }

    /// The sender as the composer sees it.
    var senderIdentity: SenderIdentity {
        SenderIdentity(name: sender.name, email: sender.email, postalAddress: sender.postalAddress,
                       unsubscribeMailto: sender.unsubscribeMailto, unsubscribeURL: sender.unsubscribeURL,
                       timeZone: TimeZone(identifier: schedule.timeZone) ?? .gmt)
    }

    /// The time zone of a prospect: its own when valid, else the schedule's.
    func timeZone(of prospect: Prospect) -> TimeZone {
        guard let name = prospect.timeZone else { return TimeZoneCache.shared.zone(schedule.timeZone) ?? .gmt }
        return TimeZoneCache.shared.zone(name) ?? TimeZoneCache.shared.zone(schedule.timeZone) ?? .gmt
    }
}
