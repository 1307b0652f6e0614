import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing whole files with plain POSIX calls: FileManager's createFile costs several system
/// calls more per file, which shows when a preview writes 100,000 of them.
enum FileOutput {
    /// Creates (or truncates) `path` with mode 0644 and writes `bytes`.
    static func write(_ bytes: [UInt8], to path: String) throws(CLIFailure) {
        let fd = try create(path)
        defer { close(fd) }
        try writeAll(bytes, to: fd, name: path)
    }

    /// Creates (or truncates) `path` with mode 0644 for writing; the error names the path.
    static func create(_ path: String) throws(CLIFailure) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CLIFailure(.failed, "cannot write \(path): \(String(cString: strerror(errno)))") }
        return fd
    }

    /// Writes every byte of `bytes` to `fd`, through short writes and interruptions; `name` says
    /// what `fd` is in the error.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws(CLIFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw CLIFailure(.failed, "cannot write to \(name): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}
