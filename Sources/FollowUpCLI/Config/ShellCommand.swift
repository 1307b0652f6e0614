import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `/bin/sh -c COMMAND` with no input, collects its standard output, and waits for it to end,
/// at most a given number of seconds. The child is started with posix_spawn and reaped here with
/// waitpid: Foundation's `Process.waitUntilExit` can miss a child's exit when many run at once.
enum ShellCommand {
    /// How a run ended.
    enum Outcome: Equatable {
        /// The command exited with this status, having printed `output`.
        case exited(status: Int32, output: Data)
        /// The command was still running after the time allowed and was killed.
        case timedOut
        /// The command could not be started; `reason` says why.
        case notStarted(reason: String)
    }

    /// Runs `command`; standard error is discarded, standard input is empty.
    static func run(_ command: String, timeoutSeconds: Double) -> Outcome {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return .notStarted(reason: String(cString: strerror(errno))) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            return .notStarted(reason: String(cString: strerror(spawned)))
        }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeoutSeconds) * 1e9)
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var open = true
        while open {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                open = false
            }
        }
        close(readEnd)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { return .exited(status: -1, output: output) }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            usleep(5_000)
        }
        // WIFEXITED / WEXITSTATUS, spelled out: the C macros are not imported into Swift.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return .exited(status: exitStatus, output: output)
    }
}
