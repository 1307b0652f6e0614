import FollowUp
import Foundation
import Testing
import Triage

/// Return and "later" dates are days in the prospect's own time zone: the sequence resumes when
/// the prospect's window opens on that day there, never the evening before (or the day after).
@Suite("Return dates in the prospect's time zone")
struct ReturnDateZoneTests {
    func date(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    func zone(_ name: String) throws -> TimeZone {
        try #require(TimeZone(identifier: name))
    }

    @Test("a day starts at local midnight, in winter and in summer time", arguments: [
        ("2027-01-11", "America/Chicago", "2027-01-11T06:00:00Z"),   // CST, UTC-6
        ("2027-03-15", "America/Chicago", "2027-03-15T05:00:00Z"),   // CDT since 14 March, UTC-5
        ("2027-03-14", "America/Chicago", "2027-03-14T06:00:00Z"),   // the day clocks go forward (at 02:00)
        ("2027-01-11", "Asia/Tokyo", "2027-01-10T15:00:00Z"),        // ahead of UTC: the day before in UTC
        ("2027-10-31", "Europe/Berlin", "2027-10-30T22:00:00Z"),     // still CEST at midnight; CET from 03:00
        ("2027-01-11", "UTC", "2027-01-11T00:00:00Z"),
    ])
    func startOfDay(day: String, zoneName: String, expected: String) throws {
        #expect(OutcomePolicy.day(day, in: try zone(zoneName)) == date(expected))
    }

    @Test("a day that starts with a daylight-saving gap begins at the gap's end")
    func gapAtMidnight() throws {
        // Santiago moves its clocks from 00:00 to 01:00 on 5 September 2027 (local midnight does not exist).
        let santiago = try zone("America/Santiago")
        let start = try #require(OutcomePolicy.day("2027-09-05", in: santiago))
        #expect(OutcomePolicy.dayText(start, in: santiago) == "2027-09-05")
        #expect(OutcomePolicy.dayText(start.addingTimeInterval(-1), in: santiago) == "2027-09-04")
    }

    @Test("not a date: nil", arguments: ["2027-02-30", "2027-13-01", "2027-1", "soon", "2027--01", ""])
    func invalid(text: String) {
        #expect(OutcomePolicy.day(text) == nil)
    }

    @Test("an out-of-office back on 11 January snoozes a Chicago prospect until the start of 11 January in Chicago")
    func outOfOfficeInChicago() throws {
        let chicago = try zone("America/Chicago")
        let classification = Classification(kind: .autoReply, autoReply: AutoReplyInfo(returnDate: "2027-01-11"), confidence: 0.9, explanation: [])
        let received = try #require(date("2027-01-04T15:00:00Z"))
        let outcome = OutcomePolicy.decide(classification, current: .active, address: "sam@example.com", senderIsProspect: true,
                                           receivedAt: received, timeZone: chicago)
        #expect(outcome.snoozeUntil == date("2027-01-11T06:00:00Z"))
        #expect(outcome.summary == "snoozed until 2027-01-11: out of office")

        // With a 24-hour window, the follow-up is planned on 11 January in Chicago, not the evening of the 10th.
        let policy = SendingPolicy(defaultTimeZone: try zone("UTC"), windowStart: 0, windowEnd: 24 * 60, weekdays: Set(1...7),
                                   dailyCap: 100, minGapSeconds: 0, jitterSeconds: 0, businessDays: false)
        let planner = Planner(policy: policy, timing: SequenceTiming(delays: [0, 3], afterLastStep: .stop), seed: "s")
        let sent = try #require(date("2027-01-01T15:00:00Z"))
        let candidate = PlanCandidate(prospectID: 1, identity: "sam@example.com", timeZone: chicago, nextStep: 2, attempts: 1,
                                      lastSentAt: sent, enrolledAt: sent, notBefore: outcome.snoozeUntil)
        let now = received
        let plan = planner.plan([candidate], now: now, dueBy: now.addingTimeInterval(30 * 86_400), slotsUntil: now.addingTimeInterval(30 * 86_400))
        let slot = try #require(plan.first?.slot)
        #expect(OutcomePolicy.dayText(slot, in: chicago) == "2027-01-11")
        #expect(slot == date("2027-01-11T06:00:00Z"))
    }

    @Test("\"later\" without a date names the real day it resumes, in the prospect's zone")
    func laterWithoutDate() throws {
        let tokyo = try zone("Asia/Tokyo")
        let classification = Classification(kind: .human, intent: .later, confidence: 1, explanation: [])
        let received = try #require(date("2026-12-01T20:00:00Z"))  // already 2 December in Tokyo
        let outcome = OutcomePolicy.decide(classification, current: .active, address: "a@example.com", senderIsProspect: true,
                                           receivedAt: received, timeZone: tokyo)
        #expect(outcome.summary == "snoozed until 2027-01-01 (30 days, no date given): asked to follow up later")  // 31 Dec 20:00 UTC is 1 Jan in Tokyo
        let withDate = Classification(kind: .human, intent: .later, laterDate: "2027-03-01", confidence: 1, explanation: [])
        let dated = OutcomePolicy.decide(withDate, current: .active, address: "a@example.com", senderIsProspect: true,
                                         receivedAt: received, timeZone: tokyo)
        #expect(dated.snoozeUntil == date("2027-02-28T15:00:00Z"))
    }
}
