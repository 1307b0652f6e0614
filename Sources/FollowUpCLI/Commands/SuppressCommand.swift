import ArgumentParser
import FollowUp
import FollowUpStore
import Foundation

/// `followup suppress add|remove|list`: the do-not-contact list.
struct SuppressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppress",
        abstract: "Manage the do-not-contact list (addresses and @domains).",
        subcommands: [Add.self, Remove.self, List.self]
    )

    /// `followup suppress add ADDRESS|@DOMAIN...`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Never email these addresses or domains again; matching prospects become unsubscribed.",
            discussion: """
            Says how many prospects each entry unsubscribes; when that is more than one in all, nothing \
            is changed unless --yes confirms it. `followup suppress remove` undoes an entry.
            """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Addresses (ana@example.com) or whole domains (@example.com).", valueName: "address|@domain"))
        var patterns: [String]
        @Option(help: "Why (kept with the entry).") var reason = "added by hand"
        @Flag(help: "Go ahead when this unsubscribes more than one prospect.") var yes = false

        func run() throws {
            let valid = try SuppressCommand.validated(patterns)
            let config = try global.loadConfig()
            let store = try StoreAccess.open(config)
            let now = try global.clock()
            if !yes {
                var affected: [String] = []
                for pattern in valid {
                    do {
                        affected += try store.prospectsAffected(bySuppressing: pattern).filter { !affected.contains($0) }
                    } catch {
                        throw CLIFailure(.failed, error.description)
                    }
                }
                if affected.count > 1 {
                    let names = affected.prefix(3).joined(separator: ", ") + (affected.count > 3 ? " and \(affected.count - 3) more" : "")
                    throw CLIFailure(.invalidInput, "this would unsubscribe \(affected.count) prospects (\(names)); nothing was changed. "
                                     + "Run it again with --yes to go ahead")
                }
            }
            for pattern in valid {
                do {
                    let affected = try store.suppress(pattern, reason: reason, at: now)
                    Console.current.out("suppressed \(pattern)" + (affected > 0 ? " (\(affected) prospect(s) now unsubscribed)" : ""))
                } catch {
                    throw CLIFailure(.failed, error.description)
                }
            }
        }
    }

    /// `followup suppress remove ADDRESS|@DOMAIN...`
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take entries off the list, and put back the prospects that only they had unsubscribed.",
            discussion: """
            A prospect unsubscribed by the entry alone returns to where it stood before (active, snoozed, \
            replied...); one who asked to be removed, or is still matched by another entry, stays unsubscribed.
            """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Entries to remove.", valueName: "address|@domain"))
        var patterns: [String]

        func run() throws {
            let valid = try SuppressCommand.validated(patterns)
            let store = try StoreAccess.open(try global.loadConfig())
            let now = try global.clock()
            var missing: [String] = []
            for pattern in valid {
                do {
                    guard let restored = try store.removeSuppression(pattern, at: now) else {
                        missing.append(pattern)
                        continue
                    }
                    let back = restored.map { "\($0.email) \($0.state.rawValue)" }
                    Console.current.out("removed \(pattern)" + (back.isEmpty ? "" : "; \(back.count) prospect(s) back where they were: "
                                                                + back.joined(separator: ", ")))
                } catch {
                    throw CLIFailure(.failed, error.description)
                }
            }
            if !missing.isEmpty {
                throw CLIFailure(.failed, "not on the list: \(missing.joined(separator: ", "))")
            }
        }
    }

    /// `followup suppress list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the list: pattern, date added, reason.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "One JSON array of {pattern, added_at, reason}.") var json = false

        func run() throws {
            let store = try StoreAccess.open(try global.loadConfig())
            let entries: [SuppressionEntry]
            do {
                entries = try store.suppressionEntries()
            } catch {
                throw CLIFailure(.failed, error.description)
            }
            if json {
                let objects = entries.map { ["pattern": $0.pattern, "added_at": ISOTime.format($0.addedAt), "reason": $0.reason] }
                Console.current.out(JSONText.encode(objects))
                return
            }
            for entry in entries {
                Console.current.out("\(entry.pattern)\t\(ISOTime.format(entry.addedAt))\t\(entry.reason)")
            }
        }
    }

    /// The normalised patterns, or a usage failure naming each invalid one.
    static func validated(_ patterns: [String]) throws(CLIFailure) -> [String] {
        var valid: [String] = []
        var invalid: [String] = []
        for text in patterns {
            if let pattern = SuppressionList.pattern(from: text) { valid.append(pattern) } else { invalid.append(text) }
        }
        guard invalid.isEmpty else {
            throw CLIFailure(.invalidInput, lines: invalid.map { "\"\($0)\" is neither an email address nor @domain" })
        }
        return valid
    }
}
