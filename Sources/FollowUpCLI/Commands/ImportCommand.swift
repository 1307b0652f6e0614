import ArgumentParser
import FollowUp
import FollowUpStore
import Foundation

/// `followup import FILE.csv`: adds or updates prospects, all or nothing by default.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update prospects from a CSV file (header row; an email column required).",
        discussion: """
        Every other column becomes a template field (`First Name` becomes {{first_name}}); an optional \
        `timezone` column holds each prospect's IANA time zone. Any invalid row imports nothing, and every \
        problem is listed as FILE:LINE: reason (exit 2); --skip-invalid imports the valid rows, lists \
        the rest and exits 3. Re-importing updates fields and never revives a prospect who said no, unsubscribed, \
        bounced or is suppressed.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The CSV file (UTF-8; comma, semicolon or tab separated).", valueName: "file.csv"))
    var file: String

    @Flag(name: .long, help: "Import the valid rows and list the invalid ones instead of importing nothing.")
    var skipInvalid = false

    func run() throws {
        let console = Console.current
        let config = try global.loadConfig()
        let now = try global.clock()
        let (rows, problems) = try ProspectFile.read(file)
        if !problems.isEmpty && !skipInvalid {
            throw CLIFailure(.invalidInput, lines: problems.map(\.description)
                             + ["nothing imported: fix the rows above" + (rows.isEmpty ? "" : ", or pass --skip-invalid to import the \(rows.count) valid row(s)")])
        }
        for problem in problems { console.err("skipped \(problem)") }
        let store = try StoreAccess.open(config)
        let summary: ImportSummary
        do {
            summary = try store.importProspects(rows, at: now)
        } catch {
            throw CLIFailure(.failed, error.description)
        }
        if !global.quiet || !problems.isEmpty {
            console.out("imported \(file): \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged, "
                        + "\(summary.keptOut) kept out (said no, unsubscribed, bounced or suppressed)"
                        + (problems.isEmpty ? "" : ", \(problems.count) invalid row(s) skipped"))
        }
        if !problems.isEmpty {
            throw CLIFailure(.partial, "imported in part: \(problems.count) invalid row(s) skipped (listed above); fix them and import the file again")
        }
    }
}

/// Reading a prospects CSV from disk, with problems named by the file as the user wrote it.
enum ProspectFile {
    /// The valid rows and every problem; throws when the file cannot be read at all.
    static func read(_ path: String) throws(CLIFailure) -> ([ProspectRow], [ImportProblem]) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CLIFailure(.invalidInput, "\(path) is a folder; name the CSV file in it (for example \(path)/prospects.csv)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIFailure(.failed, FileManager.default.fileExists(atPath: path) ? "cannot read \(path)" : "no such file: \(path)")
        }
        defer { try? handle.close() }
        var reader = CSVReader(fileHandle: handle)
        var rows: [ProspectRow] = []
        var problems: [ImportProblem] = []
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        ProspectCSV.scan(&reader, file: path, expectedRows: size / 64, checkBatch: { ConcurrentMap.map($0, $1) },
                         row: { rows.append($0) }, problem: { problems.append($0) })
        return (rows, problems)
    }
}
