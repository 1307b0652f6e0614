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

    /// The clock every run gets unless a test names its own: a fixed instant, so that no test
    /// depends on the day it runs. A `--now` argument overrides it, as it does `$FOLLOWUP_NOW`.
    public static let fixedNow = "2026-12-01T09:00:00Z"

    /// Pass as the `FOLLOWUP_NOW` value of `environment` for a run that is about the wall clock:
    /// the child then reads the real time (moved, under CI's faketime pass, like everything else).
    public static let wallClock = ""

    /// Runs `followup arguments...` in `directory` with `environment` added to a clean one.
    /// The run's clock is `fixedNow` unless `environment` or a `--now` argument names another.
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

    /// The clean environment a child runs with, plus `extra`: a fixed PATH and HOME, no colour, the
    /// fixed clock (`FOLLOWUP_NOW`, dropped when `extra` sets it to `wallClock`), the sanitizer
    /// options of the tests (a sanitizer build of the binary must run with them) and libfaketime's
    /// settings (CI runs the suites again with the real clock moved, and the binary must see the
    /// same moved clock as the test).
    public static func childEnvironment(adding extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1",
                           "FOLLOWUP_NOW": fixedNow]
        for (key, value) in ProcessInfo.processInfo.environment where inherited(key) { environment[key] = value }
        for (key, value) in extra { environment[key] = value }
        if environment["FOLLOWUP_NOW"] == wallClock { environment["FOLLOWUP_NOW"] = nil }
        return environment
    }

    /// The parent's variables a child keeps: sanitizer options and libfaketime's.
    private static func inherited(_ key: String) -> Bool {
        ["ASAN_OPTIONS", "LSAN_OPTIONS", "LD_PRELOAD", "DONT_FAKE_MONOTONIC"].contains(key) || key.hasPrefix("FAKETIME")
    }

    /// A fresh empty directory under the system's temporary directory.
    public static func temporaryDirectory(_ label: String = "followup") throws -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Reads a pipe to its end on a thread of its own, so a chatty child never blocks on a full pipe.
/// A thread, not a Dispatch queue: with every pool thread busy in a test waiting for its child,
/// a queued read would wait for Dispatch to add a thread, which it may not do soon.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
