import ArgumentParser

/// The `followup` command: sends polite follow-ups until each prospect answers.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Send polite, persistent follow-up email until each prospect answers."
    )
}
