import ArgumentParser

/// The `followup` command: sends polite follow-ups until each prospect answers.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Send polite, persistent follow-up email until each prospect answers.",
        discussion: """
        Exit codes: 0 success; 1 the command failed; 2 bad usage or an invalid config, template or CSV; \
        3 partly done.
        """,
        version: FollowUpVersion.current,
        subcommands: [InitCommand.self, ImportCommand.self, PreviewCommand.self, SendCommand.self, PollCommand.self, RunCommand.self, StatusCommand.self, TriageCommand.self, ClassifyCommand.self, SuppressCommand.self, DoctorCommand.self, AuthCommand.self]
    )
}

/// The version `followup --version` prints.
enum FollowUpVersion {
    static let current = "0.1.0"
}
