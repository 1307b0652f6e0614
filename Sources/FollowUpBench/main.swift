// followup-bench: throughput of the pure parts, for scripts/bench (never part of the tests).
//
//   followup-bench parse DIR...      messages parsed per second (MIME reader) over every .eml under DIR
//   followup-bench classify DIR...   messages classified per second (parse + full triage)
//   followup-bench quote DIR...      quote extraction only (what talon and email-reply-parser do)
//   followup-bench plan N            planning N enrolled prospects (what is due now)
//   followup-bench quote-once FILE   quote extraction once over a JSON array of reply texts (for scripts/bench)
//   followup-bench classify-once DIR parse and classify every .eml under DIR once (for scripts/bench)
//   followup-bench render N          rendering N varied, seeded outgoing messages (the MIME writer)
//   followup-bench csv FILE          reading and validating a prospects CSV (rows per second)
//
// Prints one JSON object: {"workload", "items", "seconds", "per_second"}.
import FollowUp
import Foundation
import MailCore
import Triage

func emlFiles(_ directories: [String]) -> [[UInt8]] {
    var files: [[UInt8]] = []
    for directory in directories {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { continue }
        for case let path as String in walker where path.hasSuffix(".eml") {
            if let data = FileManager.default.contents(atPath: directory + "/" + path) { files.append([UInt8](data)) }
        }
    }
    return files
}

/// `count` typical outgoing messages, seeded: non-ASCII names in the greeting, To and subject, a ~600-byte body.
func benchMessages(_ count: Int) -> [OutgoingMessage] {
    var rng = SplitMix64(seed: 2026)
    func pick<T>(_ values: [T]) -> T { values[Int(rng.next(upperBound: UInt64(values.count)))] }
    let firstNames = ["Дмитрий", "José", "Zoë", "Anna", "Søren", "Ólafur", "Jürgen", "Chloé", "Marek", "Ines"]
    let lastNames = ["Petrov", "García", "Müller", "Smith", "Nørgaard", "Łukasiewicz", "O'Brien", "Dubois"]
    let companies = ["Café Zürich García, S.L.", "Acme Corp", "Brødrene Ås AS", "Société Générale de Café", "Nordwind GmbH"]
    let subjects = ["Quick question about {c}", "Über die Zusammenarbeit mit {c}", "Re: Café order for {c}", "Следующие шаги, {n}"]
    let start = Date(timeIntervalSince1970: 1_796_112_000)
    return (0..<count).map { index in
        let first = pick(firstNames), last = pick(lastNames), company = pick(companies)
        let body = """
            Hi \(first),

            I hope this finds you well. I wanted to follow up on my note from last week about \(company) and how our
            scheduling tool could save your team a few hours every week. Teams like yours usually spend too long on
            back-and-forth emails — we cut that to one click.

            Would a 15-minute call on Thursday or Friday work? If the timing is wrong, just let me know and I will
            not bother you again.

            Best regards,
            Émilie Laurent
            Customer success, Exemple SARL
            """
        let step = index % 3
        let ids = (0..<step).map {
            MessageID.deterministic(secret: "k", prospect: "p\(index)@example.com", sequence: "s", step: $0, domain: "sender.example")
        }
        return OutgoingMessage(
            from: MailAddress(displayName: "Émilie Laurent", localPart: "emilie", domain: "sender.example"),
            to: [MailAddress(displayName: "\(first) \(last)", localPart: "p\(index)", domain: "example.com")],
            subject: pick(subjects).replacingOccurrences(of: "{c}", with: company).replacingOccurrences(of: "{n}", with: first),
            date: start.addingTimeInterval(Double(index) * 61), utcOffsetSeconds: -18_000,
            messageID: MessageID.deterministic(secret: "k", prospect: "p\(index)@example.com", sequence: "s", step: step, domain: "sender.example"),
            inReplyTo: ids.last, references: ids,
            listUnsubscribeMailto: "mailto:unsubscribe@sender.example?subject=unsubscribe",
            listUnsubscribeURL: index % 2 == 0 ? "https://sender.example/u/\(index)" : nil,
            textBody: body)
    }
}

/// Runs `body` over `items` repeatedly for at least a second; returns (items processed, seconds).
func measure<T>(_ items: [T], _ body: (T) -> Void) -> (Int, Double) {
    guard !items.isEmpty else { return (0, 0) }
    let start = Date()
    var count = 0
    repeat {
        for item in items { body(item) }
        count += items.count
    } while Date().timeIntervalSince(start) < 1.0
    return (count, Date().timeIntervalSince(start))
}

func report(_ workload: String, _ result: (Int, Double)) {
    let perSecond = result.1 > 0 ? Double(result.0) / result.1 : 0
    print("{\"workload\":\"\(workload)\",\"items\":\(result.0),\"seconds\":\(String(format: "%.3f", result.1)),\"per_second\":\(String(format: "%.1f", perSecond))}")
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    FileHandle.standardError.write(Data("usage: followup-bench parse|classify|quote DIR... | plan N | render N | csv FILE\n".utf8))
    exit(2)
}
let rest = Array(arguments.dropFirst())
switch command {
case "parse":
    let files = emlFiles(rest)
    report("parse", measure(files) { _ = MessageReader.parse($0).bestText })
case "classify":
    let files = emlFiles(rest)
    let classifier = ReplyClassifier()
    report("classify", measure(files) { _ = classifier.classify(bytes: $0) })
case "quote":
    let texts = emlFiles(rest).map { MessageReader.parse($0).bestText }
    report("quote", measure(texts) { _ = QuoteStripper.newText($0) })
case "quote-once":
    guard let path = rest.first, let data = FileManager.default.contents(atPath: path),
          let texts = (try? JSONSerialization.jsonObject(with: data)) as? [String] else {
        FileHandle.standardError.write(Data("followup-bench: quote-once needs a JSON array of strings\n".utf8))
        exit(2)
    }
    let start = Date()
    let empty = texts.filter { QuoteStripper.newText($0).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
    report("quote-once (\(empty) empty)", (texts.count, Date().timeIntervalSince(start)))
case "classify-once":
    let files = emlFiles(rest)
    let classifier = ReplyClassifier()
    let start = Date()
    for file in files { _ = classifier.classify(bytes: file) }
    report("classify-once", (files.count, Date().timeIntervalSince(start)))
case "plan":
    let count = Int(rest.first ?? "") ?? 100_000
    let zone = TimeZone(identifier: "America/New_York") ?? .gmt
    let policy = SendingPolicy(defaultTimeZone: zone, windowStart: 0, windowEnd: 24 * 60, weekdays: Set(1...7), dailyCap: 1_000_000,
                               minGapSeconds: 0, jitterSeconds: 0, businessDays: false)
    let planner = Planner(policy: policy, timing: SequenceTiming(delays: [0, 3, 4, 7], afterLastStep: .stop), seed: "bench")
    let now = Date(timeIntervalSince1970: 1_796_112_000)
    let zones = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Chicago"].compactMap(TimeZone.init(identifier:))
    let candidates = (0..<count).map { index in
        PlanCandidate(prospectID: Int64(index), identity: "p\(index)@example.com", timeZone: zones[index % zones.count],
                      nextStep: 1 + index % 3, attempts: index % 3, lastSentAt: index % 3 == 0 ? nil : now.addingTimeInterval(-5 * 86_400),
                      enrolledAt: now.addingTimeInterval(-10 * 86_400))
    }
    let start = Date()
    let plan = planner.plan(candidates, now: now, dueBy: now, slotsUntil: now.addingTimeInterval(86_400))
    let seconds = Date().timeIntervalSince(start)
    report("plan \(count) prospects (\(plan.count) due)", (count, seconds))
case "render":
    let count = max(1, Int(rest.first ?? "") ?? 20_000)
    let messages = benchMessages(count)
    let writer = MessageWriter(boundaries: SeededBoundaryGenerator(seed: 7))
    var failures = 0
    let result = measure(messages) { message in
        do { _ = try writer.render(message) } catch { failures += 1 }
    }
    report(failures == 0 ? "render" : "render (\(failures) failed)", result)
case "csv":
    guard let path = rest.first, let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("followup-bench: csv needs a readable CSV file\n".utf8))
        exit(2)
    }
    let bytes = [UInt8](data)
    var problems = 0
    let result = measure([bytes]) { problems = ProspectCSV.read(bytes: $0, file: path).problems.count }
    let rows = ProspectCSV.read(bytes: bytes, file: path).rows.count
    report(problems == 0 ? "csv" : "csv (\(problems) problems)", (result.0 * rows, result.1))
default:
    FileHandle.standardError.write(Data("followup-bench: unknown workload \(command)\n".utf8))
    exit(2)
}
