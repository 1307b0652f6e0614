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
