import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM ask a run to stop after the message in flight, instead of killing it.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []

    /// Starts listening for SIGINT and SIGTERM.
    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.request() }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// True once a signal arrived.
    var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    private func request() {
        lock.lock()
        requested = true
        lock.unlock()
        FileHandle.standardError.write(Data("\nfollowup: stopping after the message in flight (signal received)\n".utf8))
    }
}
