public import Foundation

/// One `SendingCalendar` per time zone, made on first use: each builds its zone's table of UTC
/// offsets, so anything that handles many prospects keeps one of these rather than one calendar
/// per prospect.
public struct SendingCalendars: Sendable {
    private let policy: SendingPolicy
    private var made: [String: SendingCalendar] = [:]

    /// An empty cache for calendars under `policy`.
    public init(policy: SendingPolicy) {
        self.policy = policy
    }

    /// The calendar of `zone`.
    public mutating func calendar(for zone: TimeZone) -> SendingCalendar {
        if let known = made[zone.identifier] { return known }
        let calendar = SendingCalendar(timeZone: zone, policy: policy)
        made[zone.identifier] = calendar
        return calendar
    }
}
