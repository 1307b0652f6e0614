import Foundation
import MailTransport

/// Where a server password comes from: never the config file itself.
enum PasswordSource: Sendable, Equatable {
    /// The value of this environment variable.
    case environment(String)
    /// The standard output of this shell command (trailing newline removed), e.g. `pass show mail`.
    case command(String)

    /// Seconds a password command may run before it is stopped.
    static let commandTimeoutSeconds = 15.0

    /// Reads the password; the error names the source, never the value. A command that runs
    /// longer than `timeoutSeconds` is stopped and reported.
    func resolve(for section: String, timeoutSeconds: Double = commandTimeoutSeconds) throws(CLIFailure) -> Secret {
        switch self {
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw CLIFailure(.failed, "the \(section) password is read from the environment variable \(name), which is not set; export it, or use \(section).password_command")
            }
            return Secret(value)
        case .command(let command):
            return try run(command, section: section, timeoutSeconds: timeoutSeconds)
        }
    }

    private func run(_ command: String, section: String, timeoutSeconds: Double) throws(CLIFailure) -> Secret {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CLIFailure(.failed, "cannot run \(section).password_command: \(error.localizedDescription)")
        }
        let finished = DispatchSemaphore(value: 0)
        let collected = OutputBox()
        // A thread of its own, not a Dispatch queue: the read must start now, even when every
        // pool thread is busy (as in a test process running many tests at once).
        Thread.detachNewThread {
            collected.data = output.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            process.terminate()
            throw CLIFailure(.failed, "\(section).password_command did not finish within \(Int(timeoutSeconds)) s; check that it does not wait for input")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIFailure(.failed, "\(section).password_command exited with status \(process.terminationStatus); run it yourself to see why")
        }
        var text = String(decoding: collected.data, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        guard !text.isEmpty else {
            throw CLIFailure(.failed, "\(section).password_command printed nothing")
        }
        return Secret(text)
    }
}

/// Carries the command's output from the reading thread back to the waiting one.
private final class OutputBox: @unchecked Sendable {
    var data = Data()
}
