public import Foundation

/// One `TimeZone` per identifier: a preview of 100,000 prospects would otherwise make 100,000.
public final class TimeZoneCache: @unchecked Sendable {
    /// The cache every caller shares.
    public static let shared = TimeZoneCache()
    private let lock = NSLock()
    private var zones: [String: TimeZone?] = [:]

    /// The zone named `identifier` (e.g. `Europe/Berlin`), or nil when there is no such zone.
    public func zone(_ identifier: String) -> TimeZone? {
        lock.lock()
        defer { lock.unlock() }
        if let known = zones[identifier] { return known }
        let made = TimeZone(identifier: identifier)
        zones[identifier] = made
        return made
    }
}
