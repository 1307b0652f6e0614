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
/// `submit` hands over items, `results` waits for every one and returns the outputs in the order
/// of submission. Submit from one thread only.
public final class BackgroundMap<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private let transform: @Sendable (Item) -> Output
    private let group = DispatchGroup()
    private let lock = NSLock()
    /// Each submission's outputs, by its number.
    private var done: [Int: [Output]] = [:]
    private var submissions = 0

    /// A background map of `transform`, which must be pure.
    public init(_ transform: @escaping @Sendable (Item) -> Output) {
        self.transform = transform
    }

    /// Starts `transform` on `items`, in two halves so that both cores can take part.
    public func submit(_ items: [Item]) {
        let half = (items.count + 1) / 2
        for part in [Array(items.prefix(half)), Array(items.dropFirst(half))] where !part.isEmpty {
            let number = submissions
            submissions += 1
            let transform = self.transform
            DispatchQueue.global().async(group: group) {
                let outputs = part.map(transform)
                self.lock.lock()
                self.done[number] = outputs
                self.lock.unlock()
            }
        }
    }

    /// Waits for every submission and returns their outputs in the order they were submitted.
    public func results() -> [Output] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return (0..<submissions).flatMap { done[$0] ?? [] }
    }
}
