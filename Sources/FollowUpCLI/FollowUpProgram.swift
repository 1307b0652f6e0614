import ArgumentParser
import Foundation

/// The program's entry point, kept apart so that `main.swift` is one line and the argument
/// parser stays an implementation detail of this module.
public enum FollowUpProgram {
    /// Parses the command line, runs the command and exits with the contract's status code:
    /// 0 success, 1 failure, 2 bad usage or invalid input, 3 partly done.
    public static func main(_ arguments: [String]? = nil) -> Never {
        let console = Console.current
        do {
            var command = try FollowUpCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let failure as CLIFailure {
            for line in failure.lines { console.err("followup: \(line)") }
            exit(failure.code.rawValue)
        } catch {
            let code = FollowUpCommand.exitCode(for: error)
            if code == .success {
                console.out(FollowUpCommand.fullMessage(for: error))
                exit(0)
            }
            console.err(FollowUpCommand.fullMessage(for: error))
            // ArgumentParser's usage errors (64) become the contract's 2.
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
