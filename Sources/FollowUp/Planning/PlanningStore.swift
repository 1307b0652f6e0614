public import Foundation

/// What planning reads from durable storage: who may be written to, what was sent lately, and
/// who must never be written to. The SQLite store implements it; a database shared by a team can
/// implement it too, and `DuePlan` and `Roster` then work unchanged.
public protocol PlanningStore: AnyObject {
    /// The suppression list as it is now.
    func suppressionList() throws(StoreError) -> SuppressionList

    /// Every known prospect's state, by identity (imported or not yet enrolled alike).
    func prospectStates() throws(StoreError) -> [String: ProspectState]

    /// The last send and every send since `date`; messages whose outcome is unknown count as sent.
    func sendHistory(since date: Date) throws(StoreError) -> SendHistory

    /// Calls `body` with every enrolled prospect's planning columns, in id order, holding none.
    func forEachPlanningRow(_ body: (PlanningRow) -> Void) throws(StoreError)

    /// One enrolled prospect with its template fields, by id; nil when there is none.
    func enrolledProspect(id: Int64) throws(StoreError) -> (Prospect, Enrolment)?
}

/// When the mailbox sent recently: for the gap between messages and the daily cap.
public struct SendHistory: Sendable, Equatable {
    /// The last accepted message's time.
    public let lastSentAt: Date?
    /// Times of messages accepted in the period asked for.
    public let sentTimes: [Date]

    /// Creates a history.
    public init(lastSentAt: Date?, sentTimes: [Date]) {
        self.lastSentAt = lastSentAt
        self.sentTimes = sentTimes
    }
}

/// The columns planning needs of one enrolled prospect, without the template fields (which are
/// loaded per message, so that planning 100,000 prospects stays small).
public struct PlanningRow: Sendable, Equatable {
    /// The prospect's id in the store.
    public var id: Int64
    /// The normalised address that identifies the prospect.
    public var identity: String
    /// The prospect's own time zone identifier, if it has one.
    public var timeZone: String?
    /// Where the prospect stands.
    public var state: ProspectState
    /// For a snoozed prospect: when it wakes.
    public var snoozedUntil: Date?
    /// Where the prospect is in the sequence.
    public var enrolment: Enrolment

    /// Creates a row from its columns.
    public init(id: Int64, identity: String, timeZone: String?, state: ProspectState, snoozedUntil: Date?, enrolment: Enrolment) {
        self.id = id
        self.identity = identity
        self.timeZone = timeZone
        self.state = state
        self.snoozedUntil = snoozedUntil
        self.enrolment = enrolment
    }
}
