import ArgumentParser
import Foundation

/// `followup init [DIR]`: a working config, the default sequence and example prospects.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write followup.toml, Templates/ (the default sequence) and an example prospects.csv.",
        discussion: "Never overwrites a file: existing files are kept and listed."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The directory to write into (created if missing).", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let console = Console.current
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory + "/Templates", withIntermediateDirectories: true)
        } catch {
            throw CLIFailure(.failed, "cannot create \(directory)/Templates: \(error.localizedDescription)")
        }
        for file in DefaultFiles.all {
            let path = (directory as NSString).appendingPathComponent(file.path)
            if manager.fileExists(atPath: path) {
                console.err("kept    \(path) (already exists)")
                continue
            }
            guard manager.createFile(atPath: path, contents: Data(file.content.utf8)) else {
                throw CLIFailure(.failed, "cannot write \(path)")
            }
            console.out("wrote   \(path)")
        }
        if !global.quiet {
            let place = directory == "." ? "" : "cd \(directory) && "
            console.err("next: \(place)followup import prospects.csv && followup preview")
        }
    }
}
