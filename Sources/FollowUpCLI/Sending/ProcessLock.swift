import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock beside the store, so two `followup` processes never send at once. The lock
/// file (mode 0600) says who holds it; the kernel releases the lock when the process dies.
final class ProcessLock {
    private let descriptor: Int32

    /// Takes the lock at `path`, or fails naming the process that holds it.
    init(path: String, purpose: String) throws(CLIFailure) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CLIFailure(.failed, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "another process"
            throw CLIFailure(.failed, "another followup is already running on this store (\(holder)); try again when it has finished")
        }
        let note = "pid \(getpid()), \(purpose), since \(ISOTime.format(Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
