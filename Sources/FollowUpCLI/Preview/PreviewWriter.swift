import FollowUp
import Foundation
import MailCore

/// Prints or writes previewed messages in the chosen format, one message at a time (memory
/// stays flat however many prospects there are).
struct PreviewWriter {
    private let format: PreviewCommand.Format
    private let directory: String?
    private let config: FollowUpConfig
    private let sequence: LoadedSequence
    private let console = Console.current
    private let senderCalendar: SendingCalendar
    private let counter: Counter
    /// Where `--format mbox` goes: the file named by --out, or stdout.
    private let mbox: BufferedOutput?

    init(format: PreviewCommand.Format, directory: String?, config: FollowUpConfig, sequence: LoadedSequence, now: Date) throws(CLIFailure) {
        self.format = format
        self.directory = directory
        self.mbox = format != .mbox ? nil : try directory.map { path throws(CLIFailure) in try BufferedOutput.file(path) } ?? .standardOutput()
        self.config = config
        self.sequence = sequence
        self.senderCalendar = SendingCalendar(timeZone: config.sendingPolicy.defaultTimeZone, policy: config.sendingPolicy)
        self.counter = Counter(policy: config.sendingPolicy)
        if let directory, format == .eml {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CLIFailure(.failed, "cannot create \(directory): \(error.localizedDescription)")
            }
        }
        if format == .json { console.out("{\"now\":\"\(ISOTime.format(now))\",\"messages\":[") }
    }

    /// The bytes `write` will emit for `message` that can be prepared ahead, on any thread: for
    /// mbox, the whole entry; nil for the other formats.
    static func prepared(_ message: ComposedMessage, format: PreviewCommand.Format, sender: String) -> [UInt8]? {
        format == .mbox ? MboxFormat.entry(sender: sender, date: message.date, message: message.bytes) : nil
    }

    /// Emits one message; `prepared` is what `prepared(_:format:sender:)` gave for it, if anything.
    func write(_ message: ComposedMessage, entry: PlanEntry, prospect: Prospect, prepared: [UInt8]? = nil) throws(CLIFailure) {
        counter.count += 1
        let zone = config.timeZone(of: prospect)
        let prospectCalendar = counter.calendars.calendar(for: zone)
        let why = reason(entry)
        switch format {
        case .eml:
            let path = (directory ?? ".") + "/" + Self.fileName(message)
            try FileOutput.write(message.bytes, to: path)
        case .mbox:
            try mbox?.append(prepared ?? MboxFormat.entry(sender: config.sender.email, date: message.date, message: message.bytes))
        case .json:
            let object = PreviewJSON(to: message.recipient, step: message.step, steps_total: sequence.steps.count,
                                     attempt: message.attempt, at: ISOTime.format(message.date),
                                     at_prospect: prospectCalendar.localDescription(message.date) + " " + zone.identifier,
                                     at_sender: senderCalendar.localDescription(message.date) + " " + senderCalendar.timeZone.identifier,
                                     why: why, message_id: message.messageID, subject: message.subject,
                                     eml: String(decoding: message.bytes, as: UTF8.self))
            console.out((counter.count > 1 ? "," : "") + JSONText.encode(object))
        case .text:
            let rule = String(repeating: "─", count: 8)
            console.out(console.dim("\(rule) \(counter.count). \(message.recipient) · step \(min(message.step, sequence.steps.count)) of \(sequence.steps.count) \(rule)"))
            console.out(console.dim("when: \(prospectCalendar.localDescription(message.date)) \(zone.identifier) (prospect) · "
                                    + "\(senderCalendar.localDescription(message.date)) \(senderCalendar.timeZone.identifier) (you)"))
            console.out(console.dim("why:  \(why)"))
            console.out(console.dim("size: \(message.bytes.count) bytes (--format eml writes them exactly; shown here decoded)"))
            console.out("")
            let parsed = MessageReader.parse(message.bytes)
            for field in parsed.headers where !["mime-version", "content-type", "content-transfer-encoding"].contains(field.name.lowercased()) {
                console.out("\(field.name): \(field.value)")
            }
            console.out("")
            console.out(parsed.bestText)
        }
    }

    /// Closes the output and prints the summary.
    func finish(count: Int, notes: [String]) throws(CLIFailure) {
        switch format {
        case .json:
            console.out("],\"notes\":\(JSONText.encode(notes))}")
        case .eml:
            console.out("wrote \(count) message(s) to \(directory ?? ".")")
            for note in notes { console.err("note: \(note)") }
        case .mbox:
            try mbox?.flush()
            // On stdout the mbox is the output, so the summary goes to stderr.
            if let directory { console.out("wrote \(count) message(s) to \(directory)") } else { console.err("\(count) message(s) written as mbox") }
            for note in notes { console.err("note: \(note)") }
        case .text:
            console.out(count == 0 ? "nothing is due." : "\(count) message(s) would be sent; nothing was sent.")
            for note in notes { console.err("note: \(note)") }
        }
    }

    /// `20261201T1400-ana@example.com-step1.eml`, in UTC.
    static func fileName(_ message: ComposedMessage) -> String {
        let safe = message.identity.contains("/") ? String(message.identity.map { $0 == "/" ? "_" : $0 }) : message.identity
        return ISOTime.compactMinute(message.date) + "-" + safe + "-step" + String(message.step) + ".eml"
    }

    private func reason(_ entry: PlanEntry) -> String {
        let total = sequence.steps.count
        let previous = entry.previousAt.map { "last message \(senderCalendar.localDescription($0).prefix(10))" }
        if entry.step > total {
            return "repeat of step \(total) (message \(entry.attempt)), \(previous ?? "no earlier message"), no answer yet"
        }
        if entry.attempt == 1 { return "step 1 of \(total): the first message" }
        return "step \(entry.step) of \(total), \(previous ?? "after the previous message"), no answer yet"
    }

    /// Counts messages and caches calendars across `write` calls of a non-mutating writer.
    private final class Counter {
        var count = 0
        var calendars: SendingCalendars

        init(policy: SendingPolicy) {
            calendars = SendingCalendars(policy: policy)
        }
    }
}

/// One message in `preview --format json`.
private struct PreviewJSON: Encodable {
    let to: String
    let step: Int
    let steps_total: Int
    let attempt: Int
    let at: String
    let at_prospect: String
    let at_sender: String
    let why: String
    let message_id: String
    let subject: String
    let eml: String
}
