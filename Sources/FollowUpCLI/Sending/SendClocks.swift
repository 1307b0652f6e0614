import FollowUp
import Foundation

/// The real clock: waits in real time until each message's slot.
final class RealSendClock: SendClock {
    func now() -> Date { Date() }

    func wait(until date: Date) {
        let delay = date.timeIntervalSinceNow
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
    }
}

/// A virtual clock for `--now`: starts at the given time and jumps to each slot without waiting.
final class VirtualSendClock: SendClock {
    private var current: Date

    init(start: Date) {
        current = start
    }

    func now() -> Date { current }

    func wait(until date: Date) {
        if date > current { current = date }
    }
}
