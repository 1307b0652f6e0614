/// The program's entry point, kept apart so that `main.swift` is one line and the argument
/// parser stays an implementation detail of this module.
public enum FollowUpProgram {
    /// Parses the command line, runs the command and exits with its status code.
    public static func main() {
        FollowUpCommand.main()
    }
}
