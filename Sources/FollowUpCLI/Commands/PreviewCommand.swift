import ArgumentParser
import FollowUp
import FollowUpStore
import Foundation

/// `followup preview`: the dry run. Every message `send` would send, fully rendered, with when
/// and why; touches no network and writes nothing.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show every message `send` would send now (and over the next --days), byte for byte.",
        discussion: """
        Touches no network and writes nothing to the store. With --prospects, previews the prospects of \
        that CSV as if newly imported. With --format eml --out DIR, writes one file per message, \
        DIR/<yyyymmddThhmm>-<email>-step<k>.eml (UTC time), holding exactly the bytes `send` would \
        transmit at that time. With --format mbox, writes every message into one mbox (mboxrd) on stdout, \
        or into the file --out names, for a mail client or `mutt -f` to open. A folder that already holds \
        .eml files is refused unless --replace deletes them first, so old and new never mix. Every step is \
        also tried for every kind of prospect, whatever --days shows. Exits 2 when any message cannot be \
        rendered (every problem listed).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, eml, mbox, json
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Preview this CSV's prospects as if newly imported, instead of the store's.", valueName: "file.csv"))
    var prospects: String?

    @Option(name: .customLong("prospect"), help: ArgumentHelp("Only this prospect (repeatable).", valueName: "email"))
    var only: [String] = []

    @Option(help: "Also show what would follow over the next N days if nobody answers.")
    var days: Int = 0

    @Option(help: "text (default), eml (one file per message, needs --out), mbox (one stream: stdout or --out FILE) or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("The directory for --format eml (created if missing), or the file for --format mbox.", valueName: "path"))
    var out: String?

    @Flag(help: "With --format eml: delete the .eml files already in --out first.")
    var replace = false

    /// Messages composed together before being written: enough to keep every core busy, few
    /// enough that memory stays flat.
    static let batchSize = 1_024

    mutating func validate() throws {
        guard (0...3650).contains(days) else { throw ValidationError("--days must be between 0 and 3650") }
        if format == .eml && out == nil { throw ValidationError("--format eml needs --out DIR") }
    }

    func run() throws {
        let config = try global.loadConfig()
        let sequence = try SequenceLoader.load(config)
        let now = try global.clock()
        let store = try StoreAccess.openIfPresent(config)
        let roster = try PreviewRoster.load(config: config, csv: prospects, only: only, store: store, now: now)
        let secret = try store.map { s throws(CLIFailure) in try StoreAccess.secret(s) } ?? PreviewRoster.secretWithoutStore
        let plan = try DuePlan.make(config: config, candidates: roster.candidates, store: store, now: now, days: days, secret: secret)
        let composer = MessageComposer(sender: config.senderIdentity, sequence: sequence, secret: secret)
        if format == .eml, let out { try EMLFolder.prepare(out, replace: replace) }
        let writer = try PreviewWriter(format: format, directory: out, config: config, sequence: sequence, now: now)
        let sender = config.sender.email
        var problems: [String] = []
        var failed = 0
        // Batches of messages are composed on every core, then written in plan order.
        var start = 0
        while start < plan.count {
            let batch = plan[start..<min(start + Self.batchSize, plan.count)]
            start += batch.count
            let work = batch.compactMap { entry in roster.prospect(entry.prospectID).map { (entry, $0.0, $0.1) } }
            let results = ConcurrentMap.map(work) { [format] entry, prospect, enrolment in
                Result { () throws(ComposeFailure) in
                    let message = try composer.compose(prospect: prospect, step: entry.step, attempt: entry.attempt, at: entry.slot,
                                                       firstSentAt: enrolment.firstSentAt, firstSubject: enrolment.firstSubject)
                    return (message, PreviewWriter.prepared(message, format: format, sender: sender))
                }
            }
            for ((entry, prospect, _), result) in zip(work, results) {
                switch result {
                case .success(let (message, prepared)):
                    try writer.write(message, entry: entry, prospect: prospect, prepared: prepared)
                case .failure(let failure):
                    failed += 1
                    problems.append(contentsOf: failure.lines.filter { !problems.contains($0) })
                }
            }
        }
        try writer.finish(count: plan.count - failed, notes: roster.notes)
        // Every step for every kind of prospect, beyond the window shown: a broken later step is
        // an error now, not when it falls due.
        let later = try SequenceCheck.problems(roster: roster, fromCSV: prospects != nil, store: store, sequence: sequence,
                                               composer: composer, now: now)
        guard failed == 0 && later.isEmpty else {
            let summary = failed > 0 ? "\(failed) message(s) cannot be rendered; fix the templates or the prospects' fields"
                : "the messages shown render, but a later step cannot be rendered for some prospects; fix the templates or "
                  + "the prospects' fields (`followup doctor` names every prospect)"
            throw CLIFailure(.invalidInput, lines: problems + later.filter { line in !problems.contains { line.hasSuffix($0) } } + [summary])
        }
    }
}

/// The folder `preview --format eml` writes into: refused while it holds .eml files of an earlier
/// preview (old and new would mix), unless the user asks to replace them.
enum EMLFolder {
    /// Checks (or empties, with `replace`) the .eml files in `path`; other files are left alone.
    static func prepare(_ path: String, replace: Bool) throws(CLIFailure) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".eml") }
        guard !names.isEmpty else { return }
        guard replace else {
            throw CLIFailure(.invalidInput, "\(path) already holds \(names.count) .eml file(s), from an earlier preview; "
                             + "choose an empty folder, or pass --replace to delete them first")
        }
        for name in names {
            do {
                try FileManager.default.removeItem(atPath: path + "/" + name)
            } catch {
                throw CLIFailure(.failed, "cannot delete \(path)/\(name): \(error.localizedDescription)")
            }
        }
    }
}
