import FollowUp
import Foundation
import Testing

/// The due plan and the roster are the engine's, written against `PlanningStore`: an in-memory
/// store is enough to know what `send` would send.
@Suite("What is due, from any planning store")
struct DuePlanTests {
    /// A planning store held in memory.
    final class MemoryPlanningStore: PlanningStore {
        var rows: [PlanningRow] = []
        var suppressed: [String] = []
        var sent: [Date] = []

        func suppressionList() throws(StoreError) -> SuppressionList { SuppressionList(suppressed) }
        func prospectStates() throws(StoreError) -> [String: ProspectState] {
            Dictionary(rows.map { ($0.identity, $0.state) }, uniquingKeysWith: { first, _ in first })
        }
        func sendHistory(since date: Date) throws(StoreError) -> SendHistory {
            SendHistory(lastSentAt: sent.max(), sentTimes: sent.filter { $0 >= date }.sorted())
        }
        func forEachPlanningRow(_ body: (PlanningRow) -> Void) throws(StoreError) { rows.forEach(body) }
        func enrolledProspect(id: Int64) throws(StoreError) -> (Prospect, Enrolment)? {
            rows.first { $0.id == id }.map { row in
                (Prospect(id: row.id, email: row.identity, identity: row.identity, fields: [:], timeZone: row.timeZone, state: row.state),
                 row.enrolment)
            }
        }
    }

    let utc = TimeZone(identifier: "UTC") ?? .gmt
    let now = Date(timeIntervalSince1970: 1_796_115_600)  // Tuesday 2026-12-01 09:00 UTC
    let enrolled = Date(timeIntervalSince1970: 1_796_029_200)  // the day before

    func policy(cap: Int) -> SendingPolicy {
        SendingPolicy(defaultTimeZone: utc, windowStart: 8 * 60, windowEnd: 18 * 60, weekdays: [1, 2, 3, 4, 5, 6, 7],
                      dailyCap: cap, minGapSeconds: 60, jitterSeconds: 0, businessDays: false)
    }

    func store(_ states: [ProspectState]) -> MemoryPlanningStore {
        let store = MemoryPlanningStore()
        store.rows = states.enumerated().map { index, state in
            PlanningRow(id: Int64(index + 1), identity: "p\(index + 1)@example.com", timeZone: nil, state: state, snoozedUntil: nil,
                        enrolment: Enrolment(prospectID: Int64(index + 1), enrolledAt: enrolled))
        }
        return store
    }

    @Test("suppressed and closed prospects are left out and counted; the rest are due now, one gap apart")
    func roster() throws {
        let store = store([.active, .closedNo, .active, .active, .bounced])
        store.suppressed = ["p3@example.com"]
        let roster = try Roster.enrolled(in: store, defaultTimeZone: utc, now: now)
        #expect(roster.candidates.map(\.prospectID) == [1, 4])
        #expect(roster.leftOut.suppressed == 1)
        #expect(roster.leftOut.byState == [.closedNo: 1, .bounced: 1])
        let plan = try DuePlan.make(policy: policy(cap: 50), timing: SequenceTiming(delays: [0, 3], afterLastStep: .stop),
                                    candidates: roster.candidates, store: store, now: now, days: 0, secret: "s")
        #expect(plan.map(\.prospectID).sorted() == [1, 4])
        #expect(plan.map(\.step) == [1, 1])
        #expect(plan[1].slot.timeIntervalSince(plan[0].slot) == 60)
        #expect(roster.prospect(4)?.0.identity == "p4@example.com")
    }

    @Test("what the store says was sent today counts against the daily cap")
    func capCountsHistory() throws {
        let store = store([.active, .active, .active])
        let timing = SequenceTiming(delays: [0], afterLastStep: .stop)
        let roster = try Roster.enrolled(in: store, defaultTimeZone: utc, now: now)
        #expect(try DuePlan.make(policy: policy(cap: 2), timing: timing, candidates: roster.candidates, store: store, now: now,
                                 days: 0, secret: "s").count == 2)
        store.sent = [now.addingTimeInterval(-3_600)]
        #expect(try DuePlan.make(policy: policy(cap: 2), timing: timing, candidates: roster.candidates, store: store, now: now,
                                 days: 0, secret: "s").count == 1)
    }

    @Test("rows of a CSV get the state the store knows for their address")
    func importedRows() throws {
        let store = store([.closedNo])
        let rows = [ProspectRow(line: 2, email: "p1@example.com", identity: "p1@example.com", fields: [:], timeZone: nil),
                    ProspectRow(line: 3, email: "new@example.com", identity: "new@example.com", fields: [:], timeZone: nil)]
        let roster = try Roster.imported(rows, store: store, defaultTimeZone: utc, now: now)
        #expect(roster.candidates.map(\.identity) == ["new@example.com"])
        #expect(roster.leftOut.byState == [.closedNo: 1])
    }
}
