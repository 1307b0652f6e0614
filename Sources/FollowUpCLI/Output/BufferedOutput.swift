import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes written to stdout or to a file through a 64 KiB buffer: one system call per buffer,
/// not per message, for outputs that stream many messages.
final class BufferedOutput {
    private let descriptor: Int32
    private let name: String
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private static let capacity = 64 << 10

    private init(descriptor: Int32, name: String, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        buffer.reserveCapacity(Self.capacity)
    }

    /// Standard output.
    static func standardOutput() -> BufferedOutput {
        BufferedOutput(descriptor: STDOUT_FILENO, name: "standard output", ownsDescriptor: false)
    }

    /// Creates (or truncates) `path` with mode 0644.
    static func file(_ path: String) throws(CLIFailure) -> BufferedOutput {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CLIFailure(.failed, "cannot write \(path): \(String(cString: strerror(errno)))") }
        return BufferedOutput(descriptor: descriptor, name: path, ownsDescriptor: true)
    }

    deinit {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }

    /// Appends `bytes`, writing the buffer out when it is full.
    func append(_ bytes: some Collection<UInt8>) throws(CLIFailure) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends the UTF-8 bytes of `text`.
    func append(_ text: String) throws(CLIFailure) {
        try append(text.utf8)
    }

    /// Writes out everything buffered so far.
    func flush() throws(CLIFailure) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw CLIFailure(.failed, "cannot write to \(name): \(String(cString: strerror(errno)))") }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
