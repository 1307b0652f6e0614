import FollowUp
import Foundation
import Testing

@Suite("Planning what goes out when")
struct PlannerTests {
    let newYork = TimeZone(identifier: "America/New_York")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func policy(cap: Int = 50, gap: Int = 90, jitter: Int = 0, businessDays: Bool = false) -> SendingPolicy {
        SendingPolicy(defaultTimeZone: newYork, windowStart: 9 * 60, windowEnd: 17 * 60, weekdays: [1, 2, 3, 4, 5],
                      dailyCap: cap, minGapSeconds: gap, jitterSeconds: jitter, businessDays: businessDays)
    }

    func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    func candidate(_ id: Int64, zone: TimeZone? = nil, enrolled: Date) -> PlanCandidate {
        PlanCandidate(prospectID: id, identity: "p\(id)@example.com", timeZone: zone ?? newYork, nextStep: 1, attempts: 0,
                      lastSentAt: nil, enrolledAt: enrolled)
    }

    @Test("before the window opens, the first step waits for 09:00 local time")
    func waitsForWindow() {
        let planner = Planner(policy: policy(), timing: SequenceTiming(delays: [0, 3], afterLastStep: .stop), seed: "s")
        let now = date("2026-12-01T12:30:00Z")  // Tuesday 07:30 in New York
        let plan = planner.plan([candidate(1, enrolled: now)], now: now, dueBy: now.addingTimeInterval(86_400), slotsUntil: now.addingTimeInterval(86_400))
        #expect(plan.map(\.slot) == [date("2026-12-01T14:00:00Z")])
    }

    @Test("each prospect's window is in its own time zone")
    func ownTimeZone() {
        let planner = Planner(policy: policy(), timing: SequenceTiming(delays: [0], afterLastStep: .stop), seed: "s")
        let now = date("2026-12-01T12:30:00Z")  // 13:30 in Berlin (open), 07:30 in New York (closed)
        let plan = planner.plan([candidate(1, enrolled: now), candidate(2, zone: berlin, enrolled: now)],
                                now: now, dueBy: now.addingTimeInterval(86_400), slotsUntil: now.addingTimeInterval(86_400))
        #expect(plan.map(\.prospectID) == [2, 1])
        #expect(plan[0].slot == now)
    }

    @Test("follow-ups come after their delay, skip the weekend, and repeat the last step up to the cap")
    func followUpsAndRepeats() {
        let timing = SequenceTiming(delays: [0, 3], afterLastStep: .repeatLast(everyDays: 7, maxAttempts: 4))
        let planner = Planner(policy: policy(), timing: timing, seed: "s")
        let now = date("2026-12-03T15:00:00Z")  // Thursday 10:00 New York
        let plan = planner.plan([candidate(1, enrolled: now)], now: now, dueBy: now.addingTimeInterval(60 * 86_400),
                                slotsUntil: now.addingTimeInterval(60 * 86_400))
        #expect(plan.map(\.step) == [1, 2, 3, 4])
        #expect(plan.map(\.attempt) == [1, 2, 3, 4])
        // Thursday + 3 days is Sunday: moved to Monday 09:00.
        #expect(plan[1].slot == date("2026-12-07T14:00:00Z"))
        #expect(plan[2].slot == date("2026-12-14T14:00:00Z"))
        #expect(plan[1].previousAt == plan[0].slot)
    }

    @Test("business days skip the weekend while counting")
    func businessDays() {
        let planner = Planner(policy: policy(businessDays: true), timing: SequenceTiming(delays: [0, 3], afterLastStep: .stop), seed: "s")
        let now = date("2026-12-03T15:00:00Z")  // Thursday
        let plan = planner.plan([candidate(1, enrolled: now)], now: now, dueBy: now.addingTimeInterval(30 * 86_400), slotsUntil: now.addingTimeInterval(30 * 86_400))
        #expect(plan[1].slot == date("2026-12-08T15:00:00Z"))  // Fri, Mon, Tue -> Tuesday 10:00
    }

    @Test("the gap spaces messages and the daily cap moves the rest to the next day")
    func gapAndCap() {
        let planner = Planner(policy: policy(cap: 2, gap: 90), timing: SequenceTiming(delays: [0], afterLastStep: .stop), seed: "s")
        let now = date("2026-12-01T15:00:00Z")
        let plan = planner.plan((1...3).map { candidate($0, enrolled: now) }, now: now, dueBy: now, slotsUntil: now.addingTimeInterval(3 * 86_400))
        #expect(plan.map(\.slot) == [now, now.addingTimeInterval(90), date("2026-12-02T14:00:00Z")])
        let limited = planner.plan((1...3).map { candidate($0, enrolled: now) }, now: now, dueBy: now, slotsUntil: now.addingTimeInterval(3600),
                                   sentPerDay: [20261201: 2])
        #expect(limited.isEmpty)
    }

    @Test("jitter is deterministic and within bounds")
    func jitter() {
        let planner = Planner(policy: policy(jitter: 60), timing: SequenceTiming(delays: [0], afterLastStep: .stop), seed: "secret")
        let values = (1...200).map { planner.jitter("p\($0)@example.com", 1) }
        #expect(values.allSatisfy { (0...60).contains($0) })
        #expect(Set(values).count > 20)
        #expect(values == (1...200).map { planner.jitter("p\($0)@example.com", 1) })
    }

    @Test("a delay across the daylight-saving change keeps the local time of day")
    func daylightSaving() {
        let planner = Planner(policy: policy(), timing: SequenceTiming(delays: [0, 7], afterLastStep: .stop), seed: "s")
        let now = date("2026-10-29T14:00:00Z")  // Thursday 10:00 EDT; DST ends Sunday 1 November
        let plan = planner.plan([candidate(1, enrolled: now)], now: now, dueBy: now.addingTimeInterval(10 * 86_400), slotsUntil: now.addingTimeInterval(10 * 86_400))
        #expect(plan[1].slot == date("2026-11-05T15:00:00Z"))  // 10:00 EST
    }

    @Test("a snoozed prospect waits until the snooze ends")
    func snooze() {
        let planner = Planner(policy: policy(), timing: SequenceTiming(delays: [0, 3], afterLastStep: .stop), seed: "s")
        let sent = date("2026-12-01T15:00:00Z")
        var snoozed = candidate(1, enrolled: sent)
        snoozed.nextStep = 2
        snoozed.attempts = 1
        snoozed.lastSentAt = sent
        snoozed.notBefore = date("2026-12-10T00:00:00Z")
        #expect(planner.due(snoozed) == date("2026-12-10T14:00:00Z"))
    }
}
