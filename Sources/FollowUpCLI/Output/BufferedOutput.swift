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
        BufferedOutput(descriptor: try FileOutput.create(path), name: path, ownsDescriptor: true)
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
        try FileOutput.writeAll(buffer, to: descriptor, name: name)
        buffer.removeAll(keepingCapacity: true)
    }
}
