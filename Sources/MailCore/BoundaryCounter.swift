import Synchronization

/// A thread-safe counter so a shared `SeededBoundaryGenerator` yields a new boundary on each call.
final class BoundaryCounter: Sendable {
    private let value = Mutex<UInt64>(0)

    /// Returns 0, 1, 2, … on successive calls.
    func next() -> UInt64 {
        value.withLock { current in
            defer { current &+= 1 }
            return current
        }
    }
}
