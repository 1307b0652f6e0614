import Foundation
import Glibc

/// State shared by the listener, the relay threads and the public facade; every access is under `lock`.
final class ProxyCore: @unchecked Sendable {
    let upstream: sockaddr_in
    private let lock = NSLock()
    private let threads = DispatchGroup()
    private var slots: [(id: Int, rule: FaultRule)] = []
    private var nextRuleID = 0
    private var globalCounts: [Int: Int] = [:]
    private var globalFired: Set<Int> = []
    private var stopped = false
    private var accepted = 0
    private var fired: [String] = []
    private var clientBytes = 0
    private var serverBytes = 0

    init(upstream: sockaddr_in, rules: [FaultRule]) {
        self.upstream = upstream
        replaceRules(rules)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    var isStopped: Bool { locked { stopped } }
    var connectionsAccepted: Int { locked { accepted } }
    var firedRules: [String] { locked { fired } }
    var bytesFromClient: Int { locked { clientBytes } }
    var bytesFromServer: Int { locked { serverBytes } }

    func replaceRules(_ rules: [FaultRule]) {
        locked {
            slots = rules.map { rule in
                nextRuleID += 1
                return (nextRuleID, rule)
            }
        }
    }

    func addClientBytes(_ count: Int) { locked { clientBytes += count } }
    func addServerBytes(_ count: Int) { locked { serverBytes += count } }

    /// Registers a new thread; returns false once the proxy is stopping.
    func enterThread() -> Bool {
        locked {
            guard !stopped else { return false }
            threads.enter()
            return true
        }
    }

    func leaveThread() { threads.leave() }

    /// Registers an accepted connection and returns its index, or nil when stopping.
    func admitConnection() -> Int? {
        locked {
            guard !stopped else { return nil }
            threads.enter()
            accepted += 1
            return accepted - 1
        }
    }

    /// Flags every thread to finish and waits (bounded) until they have closed their sockets.
    func stop() {
        locked { stopped = true }
        _ = threads.wait(timeout: .now() + .seconds(3))
    }

    /// Counts `event` for every matching rule and returns the first rule that reaches its occurrence.
    func match(_ event: RuleEvent, connection: Int, local: inout LocalRuleState) -> FaultRule? {
        lock.lock()
        defer { lock.unlock() }
        var winner: FaultRule?
        for slot in slots {
            let rule = slot.rule
            if let target = rule.connection, target != connection { continue }
            guard let occurrence = Self.occurrence(of: rule.trigger, for: event) else { continue }
            let count: Int
            if rule.countsAcrossConnections {
                if globalFired.contains(slot.id) { continue }
                count = (globalCounts[slot.id] ?? 0) + 1
                globalCounts[slot.id] = count
            } else {
                if local.fired.contains(slot.id) { continue }
                count = (local.counts[slot.id] ?? 0) + 1
                local.counts[slot.id] = count
            }
            guard count >= occurrence else { continue }
            if rule.countsAcrossConnections {
                globalFired.insert(slot.id)
            } else {
                local.fired.insert(slot.id)
            }
            if winner == nil {
                winner = rule
                fired.append(rule.name)
            }
        }
        return winner
    }

    /// The smallest unfired byte threshold above `received` for the given direction.
    func nextThreshold(fromClient: Bool, after received: Int, connection: Int, local: LocalRuleState) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        var best: Int?
        for slot in slots {
            if let target = slot.rule.connection, target != connection { continue }
            if slot.rule.countsAcrossConnections ? globalFired.contains(slot.id) : local.fired.contains(slot.id) {
                continue
            }
            let threshold: Int
            switch (slot.rule.trigger, fromClient) {
            case (.bytesFromClient(let n), true), (.bytesFromServer(let n), false): threshold = n
            default: continue
            }
            if threshold > received, threshold < (best ?? Int.max) { best = threshold }
        }
        return best
    }

    /// The occurrence a trigger needs if `event` matches it, else nil.
    private static func occurrence(of trigger: FaultRule.Trigger, for event: RuleEvent) -> Int? {
        switch (trigger, event) {
        case (.clientLine(let prefix, let occurrence), .line(let text)):
            return text.lowercased().hasPrefix(prefix.lowercased()) ? max(1, occurrence) : nil
        case (.imapCommand(let command, let occurrence), .line(let text)):
            guard let tag = imapTag(of: text) else { return nil }
            let rest = text.dropFirst(tag.count + 1)
            return rest.lowercased().hasPrefix(command.lowercased()) ? max(1, occurrence) : nil
        case (.endOfData(let occurrence), .endOfData):
            return max(1, occurrence)
        case (.bytesFromClient(let threshold), .clientBytes(let total)),
            (.bytesFromServer(let threshold), .serverBytes(let total)):
            return total >= threshold ? 1 : nil
        case (.immediately, .connected):
            return 1
        default:
            return nil
        }
    }

    /// The IMAP tag of a command line (text before the first space), nil if there is none.
    static func imapTag(of text: String) -> String? {
        guard let space = text.firstIndex(of: " ") else { return nil }
        let tag = String(text[..<space])
        return tag.isEmpty || tag == "*" || tag == "+" ? nil : tag
    }
}
