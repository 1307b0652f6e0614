import ArgumentParser
import FollowUp
import FollowUpStore
import Foundation
import Triage

/// `followup status`: prospects per state and per step, what awaits review, what is due next.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show prospects per state and per step, replies waiting for review, and what is due next."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One JSON object instead of text (documented in docs/json.md).")
    var json = false

    @Flag(help: "Also list every prospect with its state and progress.")
    var prospects = false

    func run() throws {
        let config = try global.loadConfig()
        let now = try global.clock()
        let console = Console.current
        guard let store = try StoreAccess.openIfPresent(config) else {
            if json {
                console.out(JSONText.encode(StatusJSON(states: [:], sentByStep: [:], nextDue: nil)))
            } else {
                console.out("no store yet at \(config.storePath): run `followup import FILE.csv` to add prospects")
            }
            return
        }
        let status: StoreStatus
        let lines: [ProspectLine]
        let bounces: [String: Int]
        do {
            status = try store.status()
            lines = prospects ? try store.prospectLines() : []
            bounces = try store.bounceCauses()
        } catch {
            throw CLIFailure(.failed, error.description)
        }
        let secret = try StoreAccess.secret(store)
        let roster = try PreviewRoster.load(config: config, csv: nil, only: [], store: store, now: now)
        let planner = Planner(policy: config.sendingPolicy, timing: config.sequenceTiming, seed: secret)
        let dueTimes = planner.dueTimes(roster.candidates).compactMap { $0 }
        let nextDue = dueTimes.min().map { max($0, now) }
        let dueNow = dueTimes.filter { $0 <= now }.count

        if json {
            var object = StatusJSON(states: status.states, sentByStep: status.sentByStep, nextDue: nextDue, bounces: bounces)
            if prospects {
                object.prospectList = lines.map { .init(email: $0.email, state: $0.state.rawValue, sent: $0.attempts,
                                                        last_sent: $0.lastSentAt.map(ISOTime.format), reason: $0.reason) }
            }
            console.out(JSONText.encode(object))
            return
        }
        StatusText(console: console, config: config, stepsTotal: config.steps.count).print(status, nextDue: nextDue, dueNow: dueNow, bounces: bounces)
        for line in lines {
            console.out("\(line.email)\t\(line.state.rawValue)\t\(line.attempts) sent\t\(line.lastSentAt.map(ISOTime.format) ?? "-")\t\(line.reason ?? "")")
        }
    }
}

/// The contract's `status --json` object.
struct StatusJSON: Encodable {
    struct Sent: Encodable {
        let total: Int
        let by_step: [String: Int]
    }
    struct ProspectEntry: Encodable {
        let email: String
        let state: String
        let sent: Int
        let last_sent: String?
        let reason: String?
    }

    let prospects: [String: Int]
    let sent: Sent
    let next_due: String?
    let bounces: [String: Int]
    var prospectList: [ProspectEntry]?

    init(states: [ProspectState: Int], sentByStep: [Int: Int], nextDue: Date?, bounces: [String: Int] = [:]) {
        var causes: [String: Int] = [:]
        for cause in BounceCause.allCases { causes[cause.rawValue] = bounces[cause.rawValue] ?? 0 }
        self.bounces = causes
        var counts: [String: Int] = [:]
        for state in ProspectState.allCases { counts[state.rawValue] = states[state] ?? 0 }
        prospects = counts
        var byStep: [String: Int] = [:]
        for (step, count) in sentByStep { byStep[String(step)] = count }
        sent = Sent(total: sentByStep.values.reduce(0, +), by_step: byStep)
        next_due = nextDue.map(ISOTime.format)
    }

    enum CodingKeys: String, CodingKey {
        case prospects, sent, next_due, bounces
        case prospectList = "prospect_list"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(prospects, forKey: .prospects)
        try container.encode(sent, forKey: .sent)
        try container.encode(next_due, forKey: .next_due)
        try container.encode(bounces, forKey: .bounces)
        try container.encodeIfPresent(prospectList, forKey: .prospectList)
    }
}

/// The text form of `status`: counts, a funnel chart per step, what is next.
struct StatusText {
    let console: Console
    let config: FollowUpConfig
    let stepsTotal: Int

    func print(_ status: StoreStatus, nextDue: Date?, dueNow: Int, bounces: [String: Int] = [:]) {
        let total = status.states.values.reduce(0, +)
        let order: [ProspectState] = [.active, .snoozed, .replied, .needsReview, .closedNo, .unsubscribed, .bounced]
        let parts = order.compactMap { state in status.states[state].flatMap { $0 > 0 ? "\($0) \(state.rawValue)" : nil } }
        console.out("prospects  \(total) in all" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")))
        let steps = Set(status.sentByStep.keys).union(status.stoppedAfterStep.keys).sorted()
        if !steps.isEmpty {
            let widest = max(1, status.sentByStep.values.max() ?? 1)
            console.out("")
            console.out("step  sent  " + String(repeating: " ", count: 20) + "  replied  no  removed  bounced  going")
            for step in steps {
                let sent = status.sentByStep[step] ?? 0
                let after = status.stoppedAfterStep[step] ?? [:]
                let bar = String(repeating: "█", count: max(sent > 0 ? 1 : 0, sent * 20 / widest))
                let going = (after[.active] ?? 0) + (after[.snoozed] ?? 0)
                let label = step > stepsTotal ? "\(stepsTotal)+" : "\(step)"
                console.out(pad(label, 4) + "  " + pad("\(sent)", 4) + "  " + pad(bar, 20) + "  "
                            + pad("\((after[.replied] ?? 0) + (after[.needsReview] ?? 0))", 7) + "  " + pad("\(after[.closedNo] ?? 0)", 2)
                            + "  " + pad("\(after[.unsubscribed] ?? 0)", 7) + "  " + pad("\(after[.bounced] ?? 0)", 7) + "  \(going)")
            }
        }
        console.out("")
        if let review = status.states[.needsReview], review > 0 {
            console.out("review     \(review) prospect(s) need a person: `followup triage list`")
        }
        let causes = BounceCause.allCases.compactMap { cause in bounces[cause.rawValue].flatMap { $0 > 0 ? "\($0) \(cause.rawValue)" : nil } }
        if !causes.isEmpty {
            console.out("bounces    " + causes.joined(separator: ", "))
        }
        if status.unsettled > 0 {
            console.out("unsettled  \(status.unsettled) message(s) in doubt or held; the next `followup send` checks them")
        }
        if let nextDue {
            let calendar = SendingCalendar(timeZone: config.sendingPolicy.defaultTimeZone, policy: config.sendingPolicy)
            console.out("next       " + (dueNow > 0 ? "\(dueNow) message(s) due now" : "\(calendar.localDescription(nextDue)) \(calendar.timeZone.identifier)"))
        } else {
            console.out("next       nothing planned")
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
