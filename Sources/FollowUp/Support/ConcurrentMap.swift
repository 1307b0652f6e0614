import Dispatch
import Foundation

/// A map whose work is spread over the machine's cores, with results in input order: a preview
/// renders thousands of independent messages, a poll reads a batch of replies, and both are pure.
public enum ConcurrentMap {
    /// `transform(item)` for every item, in the order of `items`. Each core takes every n-th item.
    public static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Output) -> [Output] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        guard workers > 1 else { return items.map(transform) }
        let slots = Slots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < items.count {
                slots.store(transform(items[index]), at: index)
                index += workers
            }
        }
        return slots.collected()
    }
}

/// Result slots written from several threads, each index by exactly one of them.
private final class Slots<Output>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Output?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    /// Stores `value` at `index`; no other thread touches that index.
    func store(_ value: Output, at index: Int) {
        buffer[index] = value
    }

    /// Every slot's value, in order; called after all writers finished.
    func collected() -> [Output] {
        buffer.compactMap { $0 }
    }
}

/// A map that runs in the background while its caller goes on (receiving the next items, say):
/// `submit` hands over items, `results` returns the outputs in the order of submission. Submit
/// from one thread only.
///
/// `results` never waits for work that has not started: it does every part still waiting itself,
/// then waits only for the parts other threads are already doing. So it cannot starve when it is
/// called from a thread of the pool the work was sent to (a test runner's, say), where waiting for
/// queued work would wait forever.
public final class BackgroundMap<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private let transform: @Sendable (Item) -> Output
    private let condition = NSCondition()
    /// Parts not started yet, with their numbers.
    private var waiting: [(number: Int, items: [Item])] = []
    /// Each finished part's outputs, by its number.
    private var done: [Int: [Output]] = [:]
    private var submissions = 0
    /// How a part is started in the background.
    private let start: @Sendable (@escaping @Sendable () -> Void) -> Void

    /// A background map of `transform`, which must be pure.
    public convenience init(_ transform: @escaping @Sendable (Item) -> Output) {
        self.init(transform, startingWith: { DispatchQueue.global().async(execute: $0) })
    }

    /// A background map whose parts are started by `start` (a test passes one that never starts
    /// them, as a pool whose every thread waits would not).
    init(_ transform: @escaping @Sendable (Item) -> Output, startingWith start: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void) {
        self.transform = transform
        self.start = start
    }

    /// Queues `transform` on `items`, in two halves so that both cores can take part.
    public func submit(_ items: [Item]) {
        let half = (items.count + 1) / 2
        for part in [Array(items.prefix(half)), Array(items.dropFirst(half))] where !part.isEmpty {
            condition.lock()
            waiting.append((submissions, part))
            submissions += 1
            condition.unlock()
            start { _ = self.doOnePart() }
        }
    }

    /// Every part's outputs, in the order they were submitted.
    public func results() -> [Output] {
        while doOnePart() {}
        condition.lock()
        defer { condition.unlock() }
        while done.count < submissions { condition.wait() }
        return (0..<submissions).flatMap { done[$0] ?? [] }
    }

    /// Takes the oldest part not started and does it; false when none was waiting.
    private func doOnePart() -> Bool {
        condition.lock()
        guard !waiting.isEmpty else {
            condition.unlock()
            return false
        }
        let part = waiting.removeFirst()
        condition.unlock()
        let outputs = part.items.map(transform)
        condition.lock()
        done[part.number] = outputs
        condition.broadcast()
        condition.unlock()
        return true
    }
}
