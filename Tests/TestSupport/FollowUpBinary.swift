public import Foundation

/// Runs the built `followup` executable, as a user or a script would.
public enum FollowUpBinary {
    /// What one run printed and returned.
    public struct Result: Sendable {
        /// The exit status.
        public let status: Int32
        /// Everything written to stdout.
        public let stdout: String
        /// Everything written to stderr.
        public let stderr: String
    }

    /// The executable beside the test bundle (`.build/<config>/followup`).
    public static var path: String {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        // The test bundle may be a directory (`followupPackageTests.xctest/...`) on some platforms.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("followup").path),
              directory.pathComponents.count > 1 {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("followup").path
    }

    /// Runs `followup arguments...` in `directory` with `environment` added to a clean one.
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                           stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = childEnvironment(adding: environment)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = ReadAll(out.fileHandleForReading), errData = ReadAll(err.fileHandleForReading)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData.wait(), as: UTF8.self),
                      stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// The clean environment a child runs with, plus `extra`: a fixed PATH and HOME, no colour, and
    /// the sanitizer options of the tests (a sanitizer build of the binary must run with them).
    static func childEnvironment(adding extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1"]
        for key in ["ASAN_OPTIONS", "LSAN_OPTIONS"] { environment[key] = ProcessInfo.processInfo.environment[key] }
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// A fresh empty directory under the system's temporary directory.
    public static func temporaryDirectory(_ label: String = "followup") throws -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Reads a pipe to its end on another thread, so a chatty child never blocks on a full pipe.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
