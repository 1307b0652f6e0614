import ArgumentParser
import FollowUp
import FollowUpStore
import Foundation
import Triage

/// `followup triage`: the review queue, and overriding any classification.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "List replies waiting for review, show one, or resolve it (override its classification).",
        subcommands: [List.self, Show.self, Resolve.self, Held.self, Settle.self],
        defaultSubcommand: List.self
    )

    /// `followup triage list [--all]`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replies whose prospect waits for a person (--all: every reply).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Every processed reply, not only those waiting for review.") var all = false
        @Flag(help: "One JSON array (documented in docs/json.md).") var json = false

        func run() throws {
            let store = try StoreAccess.open(try global.loadConfig())
            let replies: [ReplyRecord]
            do { replies = try store.replies(all: all) } catch { throw CLIFailure(.failed, error.description) }
            let console = Console.current
            if json {
                console.out(JSONText.encode(replies.map(ReplyJSON.init)))
                return
            }
            if replies.isEmpty { console.out(all ? "no replies yet" : "nothing waits for review") }
            for reply in replies {
                console.out("#\(reply.id)\t\(reply.prospectEmail ?? reply.sender ?? "?")\t\(reply.kind)\(reply.intent.map { "/\($0)" } ?? "")\t\(reply.outcome)\t\(reply.explanation.split(separator: "\n").last ?? "")")
            }
        }
    }

    /// `followup triage show ID`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One reply: who wrote it, what they wrote, what it was classified as and why, and what happens next.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reply's number (from `triage list`).") var id: Int64

        func run() throws {
            let config = try global.loadConfig()
            let store = try StoreAccess.open(config)
            let found: ReplyRecord?
            do { found = try store.reply(id: id) } catch { throw CLIFailure(.failed, error.description) }
            guard let reply = found else { throw CLIFailure(.failed, "no reply #\(id); see `followup triage list --all`") }
            let console = Console.current
            console.out("reply     #\(reply.id) from \(reply.sender ?? "?")\(reply.receivedAt.map { " on \(ISOTime.format($0))" } ?? "")")
            if let subject = reply.subject { console.out("subject   \(TerminalText.safe(subject))") }
            console.out("prospect  \(reply.prospectEmail ?? "(none)") — now \(reply.prospectState?.rawValue ?? "-")")
            console.out("verdict   \(reply.kind)\(reply.intent.map { ": \($0)" } ?? "") → \(reply.outcome) (decided by \(reply.decidedBy))")
            console.out("they wrote")
            let own = TerminalText.safe(reply.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if reply.text == nil {
                console.out("  (not recorded: this reply was read by an older followup)")
            } else if own.isEmpty {
                console.out("  (nothing of their own)")
            } else {
                for line in own.split(separator: "\n", omittingEmptySubsequences: false) { console.out("  │ \(line)") }
            }
            if reply.foldedLines > 0 {
                console.out(console.dim("  [\(reply.foldedLines) line(s) of quoted text and signature folded]"))
            }
            console.out("why")
            for line in reply.explanation.split(separator: "\n") { console.out("  - \(TerminalText.safe(String(line)))") }
            if let email = reply.prospectEmail {
                let now = try global.clock()
                console.out("next      \(try NextMessage.describe(address: email.lowercased(), config: config, store: store, now: now))")
            }
        }
    }

    /// `followup triage resolve ID --as INTENT`
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Override a reply's classification and apply its outcome.",
            discussion: "INTENT: no, remove, positive, later (with --until DATE), referral, unclear, or continue (not an answer: the sequence goes on).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reply's number.") var id: Int64
        @Option(name: .customLong("as"), help: ArgumentHelp("What the reply really says.", valueName: "intent")) var intent: ResolvedIntent
        @Option(help: ArgumentHelp("For later: resume on this date (yyyy-mm-dd).", valueName: "date")) var until: String?

        func run() throws {
            let config = try global.loadConfig()
            let store = try StoreAccess.open(config)
            let now = try global.clock()
            let found: ReplyRecord?
            do { found = try store.reply(id: id) } catch { throw CLIFailure(.failed, error.description) }
            guard let reply = found else { throw CLIFailure(.failed, "no reply #\(id); see `followup triage list --all`") }
            let address = reply.prospectEmail?.lowercased() ?? reply.sender ?? ""
            let prospect: Prospect?
            do { prospect = try store.prospect(identity: address) } catch { throw CLIFailure(.failed, error.description) }
            let zone = prospect.map(config.timeZone(of:)) ?? config.sendingPolicy.defaultTimeZone
            let outcome: ReplyOutcome
            switch intent {
            case .notAnAnswer:
                outcome = ReplyOutcome(newState: .active, summary: "back in the sequence: not an answer (decided by a person)")
            case .intent(let parsed):
                if let until, OutcomePolicy.day(until, in: zone) == nil {
                    throw CLIFailure(.invalidInput, "--until \(until) is not a date like 2027-01-15")
                }
                let verdict = Classification(kind: .human, intent: parsed, laterDate: until, confidence: 1, explanation: ["decided by a person"])
                outcome = OutcomePolicy.decide(verdict, current: .active, address: address, senderIsProspect: true, receivedAt: now, timeZone: zone)
            }
            // One source of truth for who may be emailed: a suppressed address is not put back into
            // the sequence behind the list's back.
            if outcome.newState == .active || outcome.newState == .snoozed {
                let list: SuppressionList
                do { list = try store.suppressionList() } catch { throw CLIFailure(.failed, error.description) }
                if let pattern = list.match(address) {
                    throw CLIFailure(.failed, "\(address) is on the suppression list (\(pattern)), so nothing would be sent to them; "
                                     + "run `followup suppress remove \(pattern)` first if they may be emailed again")
                }
            }
            do { try store.resolve(replyID: id, intent: intent.name, outcome: outcome, at: now) } catch { throw CLIFailure(.failed, error.description) }
            Console.current.out("#\(id) \(reply.prospectEmail ?? address): \(outcome.summary)")
            Console.current.out("next: " + (try NextMessage.describe(address: address, config: config, store: store, now: now)))
        }
    }
}

/// What a person says a reply means (`triage resolve --as`): one of the classifier's intents, or
/// `continue`, which says the reply was not an answer and the sequence goes on.
enum ResolvedIntent: ExpressibleByArgument, Equatable {
    /// One of the classifier's intents.
    case intent(ReplyIntent)
    /// `continue`: not an answer.
    case notAnAnswer

    init?(argument: String) {
        let word = argument.lowercased()
        if word == "continue" {
            self = .notAnAnswer
        } else if let intent = ReplyIntent(rawValue: word) {
            self = .intent(intent)
        } else {
            return nil
        }
    }

    /// The word as the store records it: an intent's raw value, or `continue`.
    var name: String {
        switch self {
        case .intent(let intent): return intent.rawValue
        case .notAnAnswer: return "continue"
        }
    }

    static var allValueStrings: [String] { ReplyIntent.allCases.map(\.rawValue) + ["continue"] }
}

extension TriageCommand {
    /// `followup triage held`
    struct Held: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Messages held because their delivery could not be confirmed (after a crash or a dropped connection).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try StoreAccess.open(try global.loadConfig())
            let held: [HeldMessage]
            do { held = try store.heldMessages() } catch { throw CLIFailure(.failed, error.description) }
            let console = Console.current
            if held.isEmpty { console.out("no message is held") }
            for message in held {
                console.out("<\(message.messageID)>\t\(message.email)\tstep \(message.step)\t\(ISOTime.format(message.plannedAt))\t\(message.reason)")
            }
            if !held.isEmpty {
                console.err("look for each in the recipient's or your sent mail, then: followup triage settle MESSAGE-ID --as sent|not-sent")
            }
        }
    }

    /// `followup triage settle MESSAGE-ID --as sent|not-sent`
    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Settle a held message: it was delivered (sent) or not (not-sent: it goes out again).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The held message's Message-ID (from `triage held`).") var messageID: String
        @Option(name: .customLong("as"), help: "sent or not-sent.") var verdict: String

        func run() throws {
            guard verdict == "sent" || verdict == "not-sent" else {
                throw CLIFailure(.invalidInput, "--as \(verdict): use sent or not-sent")
            }
            let store = try StoreAccess.open(try global.loadConfig())
            let id = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
            let now = try global.clock()
            let found: Bool
            do { found = try store.settleHeld(messageID: id, delivered: verdict == "sent", at: now) } catch { throw CLIFailure(.failed, error.description) }
            guard found else { throw CLIFailure(.failed, "no held message <\(id)>; see `followup triage held`") }
            Console.current.out("<\(id)>: " + (verdict == "sent" ? "counted as sent" : "will be sent again") + "; the prospect is back in the sequence")
        }
    }
}

/// One reply in `triage list --json`.
private struct ReplyJSON: Encodable {
    let id: Int64
    let prospect: String?
    let state: String?
    let sender: String?
    let kind: String
    let intent: String?
    let outcome: String
    let decided_by: String
    let explanation: [String]
    let subject: String?
    let text: String?
    let folded_lines: Int

    init(_ reply: ReplyRecord) {
        subject = reply.subject
        text = reply.text
        folded_lines = reply.foldedLines
        id = reply.id
        prospect = reply.prospectEmail
        state = reply.prospectState?.rawValue
        sender = reply.sender
        kind = reply.kind
        intent = reply.intent
        outcome = reply.outcome
        decided_by = reply.decidedBy
        explanation = reply.explanation.split(separator: "\n").map(String.init)
    }
}

/// What happens next to one prospect, in words and real dates: the next message `send` would
/// send if nobody answers, or that nothing more will be sent.
enum NextMessage {
    /// `step 2 on 2027-01-11 09:00 America/Chicago (prospect) · 2027-01-11 10:00 America/New_York (you)`,
    /// or why nothing will be sent.
    static func describe(address: String, config: FollowUpConfig, store: SQLiteProspectStore, now: Date) throws(CLIFailure) -> String {
        let roster = try PreviewRoster.load(config: config, csv: nil, only: [address], store: store, now: now)
        guard let candidate = roster.candidates.first, let (prospect, _) = roster.prospect(candidate.prospectID) else {
            let state: ProspectState?
            do { state = try store.prospect(identity: address)?.state } catch { throw CLIFailure(.failed, error.description) }
            return "nothing more will be sent to \(address)" + (state.map { " (\($0.rawValue))" } ?? "")
        }
        let plan = try DuePlan.make(config: config, candidates: [candidate], store: store, now: now, days: 3650,
                                    secret: try StoreAccess.secret(store))
        guard let entry = plan.first else { return "no further step in the sequence for \(address)" }
        let zone = config.timeZone(of: prospect)
        let theirs = SendingCalendar(timeZone: zone, policy: config.sendingPolicy).localDescription(entry.slot)
        let yours = SendingCalendar(timeZone: config.sendingPolicy.defaultTimeZone, policy: config.sendingPolicy).localDescription(entry.slot)
        let step = min(entry.step, config.steps.count)
        return "step \(step) (message \(entry.attempt)) on \(theirs) \(zone.identifier) (prospect) · \(yours) "
            + "\(config.sendingPolicy.defaultTimeZone.identifier) (you), if they do not answer before"
    }
}
