import ArgumentParser
import Foundation
import Triage

/// `followup classify FILE|-`: classifies one raw message; needs no config and no store.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify one raw RFC 5322 message (a Maildir file or .eml; - for stdin).",
        discussion: "A malformed message still gets an answer (best effort); an unreadable file exits 1."
    )

    @Argument(help: ArgumentHelp("The message file, or - for standard input.", valueName: "file"))
    var file: String

    @Flag(help: "Print one JSON object (documented in docs/json.md).") var json = false
    @Flag(help: "List the signals that decided the verdict.") var explain = false
    @Option(help: ArgumentHelp("Your dedicated List-Unsubscribe address: mail to it is a removal request whatever it says. Leave it out when replies arrive at that address too.", valueName: "address"))
    var unsubscribeAddress: String?

    func run() throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIFailure(.failed, FileManager.default.fileExists(atPath: file) ? "cannot read \(file)" : "no such file: \(file)")
            }
            bytes = [UInt8](data)
        }
        let verdict = ReplyClassifier(unsubscribeAddress: unsubscribeAddress).classify(bytes: bytes)
        let console = Console.current
        if json {
            console.out(JSONText.encode(ClassificationJSON(verdict)))
            return
        }
        var line = verdict.kind.rawValue
        if let intent = verdict.intent { line += ": \(intent.rawValue)" }
        if let bounce = verdict.bounce {
            line += bounce.permanent ? " (permanent" : " (temporary"
            line += ", \(bounce.cause.rawValue)"
            line += bounce.status.map { ", \($0)" } ?? ""
            line += bounce.recipients.isEmpty ? ")" : ", \(bounce.recipients.joined(separator: ", ")))"
        }
        if verdict.kind == .autoReply { line += ", back " + (verdict.autoReply?.returnDate ?? "date unknown") }
        if let later = verdict.laterDate { line += ", from \(later)" }
        if let referral = verdict.referralAddress { line += ", refers to \(referral)" }
        if verdict.needsReview { line += " (needs review)" }
        console.out(TerminalText.safe(line))
        if let text = verdict.replyText, !text.isEmpty {
            console.out("")
            console.out(TerminalText.safe(text))
        }
        if explain {
            console.out("")
            for reason in verdict.explanation { console.out("- \(TerminalText.safe(reason))") }
        }
    }
}

/// The contract's `classify --json` object: fields present only for their kind.
struct ClassificationJSON: Encodable {
    let verdict: Classification

    init(_ verdict: Classification) {
        self.verdict = verdict
    }

    private enum Keys: String, CodingKey {
        case kind, bounce, auto_reply, intent, reply_text, explanation, later_date, referral_address, needs_review, confidence, complaint_address
    }

    private struct Bounce: Encodable {
        let permanent: Bool
        let status: String?
        let recipients: [String]
        let reason: String
        let cause: String
        let action: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(permanent, forKey: .permanent)
            try container.encode(status, forKey: .status)
            try container.encode(recipients, forKey: .recipients)
            try container.encode(reason, forKey: .reason)
            try container.encode(cause, forKey: .cause)
            try container.encode(action, forKey: .action)
        }

        enum CodingKeys: String, CodingKey { case permanent, status, recipients, reason, cause, action }
    }

    private struct AutoReply: Encodable {
        let returnDate: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(returnDate, forKey: .returnDate)
        }

        enum CodingKeys: String, CodingKey { case returnDate = "return_date" }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(verdict.kind.rawValue, forKey: .kind)
        switch verdict.kind {
        case .bounce:
            if let bounce = verdict.bounce {
                try container.encode(Bounce(permanent: bounce.permanent, status: bounce.status, recipients: bounce.recipients, reason: bounce.reason,
                                            cause: bounce.cause.rawValue, action: bounce.action.rawValue), forKey: .bounce)
            }
        case .autoReply:
            try container.encode(AutoReply(returnDate: verdict.autoReply?.returnDate), forKey: .auto_reply)
        case .human:
            try container.encode((verdict.intent ?? .unclear).rawValue, forKey: .intent)
            try container.encode(verdict.replyText ?? "", forKey: .reply_text)
            try container.encodeIfPresent(verdict.laterDate, forKey: .later_date)
            try container.encodeIfPresent(verdict.referralAddress, forKey: .referral_address)
        case .complaint:
            try container.encodeIfPresent(verdict.complaintAddress, forKey: .complaint_address)
        }
        try container.encode(verdict.needsReview, forKey: .needs_review)
        try container.encode((verdict.confidence * 100).rounded() / 100, forKey: .confidence)
        try container.encode(verdict.explanation, forKey: .explanation)
    }
}
