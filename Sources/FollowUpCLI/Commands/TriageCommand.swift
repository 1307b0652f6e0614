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
        @Flag(help: "JSON array.") var json = false

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
        static let configuration = CommandConfiguration(abstract: "One reply: who, what it was classified as, and why.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reply's number (from `triage list`).") var id: Int64

        func run() throws {
            let store = try StoreAccess.open(try global.loadConfig())
            let found: ReplyRecord?
            do { found = try store.reply(id: id) } catch { throw CLIFailure(.failed, error.description) }
            guard let reply = found else { throw CLIFailure(.failed, "no reply #\(id); see `followup triage list --all`") }
            let console = Console.current
            console.out("reply     #\(reply.id) from \(reply.sender ?? "?")\(reply.receivedAt.map { " on \(ISOTime.format($0))" } ?? "")")
            console.out("prospect  \(reply.prospectEmail ?? "(none)") — now \(reply.prospectState?.rawValue ?? "-")")
            console.out("verdict   \(reply.kind)\(reply.intent.map { ": \($0)" } ?? "") → \(reply.outcome) (decided by \(reply.decidedBy))")
            console.out("why")
            for line in reply.explanation.split(separator: "\n") { console.out("  - \(line)") }
        }
    }

    /// `followup triage resolve ID --as INTENT`
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Override a reply's classification and apply its outcome.",
            discussion: "INTENT: no, remove, positive, later (with --until DATE), referral, unclear, or continue (not an answer: the sequence goes on).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reply's number.") var id: Int64
        @Option(name: .customLong("as"), help: "What the reply really says.") var intent: String
        @Option(help: ArgumentHelp("For later: resume on this date (yyyy-mm-dd).", valueName: "date")) var until: String?

        func run() throws {
            let config = try global.loadConfig()
            let store = try StoreAccess.open(config)
            let now = try global.clock()
            let found: ReplyRecord?
            do { found = try store.reply(id: id) } catch { throw CLIFailure(.failed, error.description) }
            guard let reply = found else { throw CLIFailure(.failed, "no reply #\(id); see `followup triage list --all`") }
            let address = reply.prospectEmail?.lowercased() ?? reply.sender ?? ""
            let outcome: ReplyOutcome
            if intent == "continue" {
                outcome = ReplyOutcome(newState: .active, summary: "back in the sequence: not an answer (decided by a person)")
            } else {
                guard let parsed = ReplyIntent(rawValue: intent) else {
                    throw CLIFailure(.invalidInput, "--as \(intent): use no, remove, positive, later, referral, unclear or continue")
                }
                if let until, OutcomePolicy.day(until) == nil {
                    throw CLIFailure(.invalidInput, "--until \(until) is not a date like 2027-01-15")
                }
                let verdict = Classification(kind: .human, intent: parsed, laterDate: until, confidence: 1, explanation: ["decided by a person"])
                outcome = OutcomePolicy.decide(verdict, current: .active, address: address, senderIsProspect: true, receivedAt: now)
            }
            do { try store.resolve(replyID: id, intent: intent, outcome: outcome, at: now) } catch { throw CLIFailure(.failed, error.description) }
            Console.current.out("#\(id) \(reply.prospectEmail ?? address): \(outcome.summary)")
        }
    }
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

    init(_ reply: ReplyRecord) {
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
