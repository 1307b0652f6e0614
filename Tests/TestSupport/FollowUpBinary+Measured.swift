import Foundation

extension FollowUpBinary {
    /// What one measured run printed, returned and used.
    public struct MeasuredResult: Sendable {
        /// The exit status (or 128 + the signal that ended it).
        public let status: Int32
        /// Everything written to stdout.
        public let stdout: String
        /// Everything written to stderr.
        public let stderr: String
        /// The child's own peak resident memory in KiB: its last `VmHWM` before it exited.
        public let peakKiB: Int
    }

    /// Runs `followup arguments...` and watches its peak resident memory (`VmHWM` in
    /// /proc/PID/status, read every few milliseconds until it exits). `ru_maxrss` would not do:
    /// a spawned child inherits its parent's high-water mark across exec. Output goes through
    /// files in a fresh temporary directory.
    public static func runMeasured(_ arguments: [String]) throws -> MeasuredResult {
        let directory = try temporaryDirectory("measured")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/stdout", errPath = directory + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let environment = childEnvironment().map { $0.key + "=" + $0.value }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["errno": spawned]) }
        var status: Int32 = 0
        var peak = 0
        while true {
            if let kib = highWaterKiB(of: pid) { peak = max(peak, kib) }
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno != EINTR) { break }
            usleep(2_000)
        }
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return MeasuredResult(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                              peakKiB: peak)
    }

    /// The `VmHWM` line of /proc/PID/status, in KiB; nil once the process has no memory left.
    static func highWaterKiB(of pid: pid_t) -> Int? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/status") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst(6).filter(\.isNumber))
    }
}
