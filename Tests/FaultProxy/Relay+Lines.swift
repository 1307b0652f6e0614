/// Byte accounting, line parsing and rule actions for one relayed connection.
extension Relay {
    func handleClientBytes(_ bytes: [UInt8]) {
        var rest = bytes[...]
        var rounds = 0
        while alive, rounds <= bytes.count + 64 {
            rounds += 1
            fireByteRules(fromClient: true)
            guard alive, !rest.isEmpty else { return }
            let threshold = core.nextThreshold(
                fromClient: true, after: receivedFromClient, connection: index, local: ruleState)
            let take = threshold.map { min(rest.count, $0 - receivedFromClient) } ?? rest.count
            let part = rest.prefix(take)
            rest = rest.dropFirst(take)
            receivedFromClient += take
            core.addClientBytes(take)
            processClientSegment(part)
        }
    }

    func handleServerBytes(_ bytes: [UInt8]) {
        var rest = bytes[...]
        var rounds = 0
        while alive, rounds <= bytes.count + 64 {
            rounds += 1
            fireByteRules(fromClient: false)
            guard alive, !rest.isEmpty else { return }
            let threshold = core.nextThreshold(
                fromClient: false, after: receivedFromServer, connection: index, local: ruleState)
            let take = threshold.map { min(rest.count, $0 - receivedFromServer) } ?? rest.count
            let part = rest.prefix(take)
            rest = rest.dropFirst(take)
            receivedFromServer += take
            core.addServerBytes(take)
            processServerSegment(part)
        }
    }

    private func fireByteRules(fromClient: Bool) {
        var rounds = 0
        while alive, rounds < 64 {
            rounds += 1
            let event: RuleEvent = fromClient ? .clientBytes(receivedFromClient) : .serverBytes(receivedFromServer)
            guard let rule = core.match(event, connection: index, local: &ruleState) else { return }
            // A held partial line counts as received: deliver it before cutting so exactly N bytes pass.
            if !stallClientToServer { toServer += clientLine }
            clientLine = []
            if !stallServerToClient { enqueueToClient(serverLine) }
            serverLine = []
            applyOutsideLine(rule)
        }
    }

    private func processClientSegment(_ part: ArraySlice<UInt8>) {
        var data = part
        var rounds = 0
        while alive, !stallClientToServer, !data.isEmpty, rounds <= part.count {
            rounds += 1
            if opaque {
                toServer += clientLine
                clientLine = []
                toServer += data
                return
            }
            if literalRemaining > 0 {
                let count = min(literalRemaining, data.count)
                toServer += data.prefix(count)
                data = data.dropFirst(count)
                literalRemaining -= count
            } else if let newline = data.firstIndex(of: 10) {
                clientLine += data[data.startIndex...newline]
                data = data[(newline + 1)...]
                let line = clientLine
                clientLine = []
                handleClientLine(line)
            } else {
                clientLine += data
                data = []
                if clientLine.count > Self.maxLineLength {
                    toServer += clientLine
                    clientLine = []
                }
            }
        }
    }

    private func processServerSegment(_ part: ArraySlice<UInt8>) {
        guard !stallServerToClient else { return }
        var data = part
        var rounds = 0
        while alive, !stallServerToClient, !data.isEmpty, rounds <= part.count {
            rounds += 1
            guard !opaque, pendingReply != nil || pendingStartTLS != nil || phase == .awaitingDataReply else {
                enqueueToClient(serverLine)
                serverLine = []
                enqueueToClient(data)
                return
            }
            if let newline = data.firstIndex(of: 10) {
                serverLine += data[data.startIndex...newline]
                data = data[(newline + 1)...]
                let line = serverLine
                serverLine = []
                handleServerLine(line)
            } else {
                serverLine += data
                data = []
                if serverLine.count > Self.maxLineLength {
                    enqueueToClient(serverLine)
                    serverLine = []
                }
            }
        }
    }

    private func handleClientLine(_ line: [UInt8]) {
        let text = Self.text(of: line)
        if phase == .data {
            if text == "." {
                phase = .command
                handleEndOfData(line)
            } else {
                toServer += line
            }
            return
        }
        if let rule = core.match(.line(text), connection: index, local: &ruleState) {
            applyToLine(rule, line: line, text: text)
        } else {
            forwardCommand(line, text: text)
        }
    }

    private func forwardCommand(_ line: [UInt8], text: String) {
        toServer += line
        let command = text.trimmingSpaces().uppercased()
        if command == "DATA" {
            phase = .awaitingDataReply
        } else if command == "STARTTLS" {
            pendingStartTLS = .smtpFinalLine
        } else if let tag = ProxyCore.imapTag(of: text), command.hasSuffix(" STARTTLS"),
            command.split(separator: " ").count == 2
        {
            pendingStartTLS = .imapTagged(tag)
        } else if let length = Self.literalLength(text) {
            literalRemaining = length
        }
    }

    private func applyToLine(_ rule: FaultRule, line: [UInt8], text: String) {
        var matcher = ReplyMatcher.smtpFinalLine
        var replyPrefix = ""
        if case .imapCommand = rule.trigger, let tag = ProxyCore.imapTag(of: text) {
            matcher = .imapTagged(tag)
            replyPrefix = tag + " "
        }
        switch rule.action {
        case .cutBeforeForwarding:
            cut(flushing: true)
        case .cutBeforeReply:
            forwardCommand(line, text: text)
            pendingReply = PendingReply(matcher: matcher, outcome: .cut, deadline: Self.now() + Self.replyWaitNanos)
        case .stall:
            stallClientToServer = true
            stallServerToClient = true
        case .stallOneWay(.clientToServer):
            stallClientToServer = true
        case .stallOneWay(.serverToClient):
            forwardCommand(line, text: text)
            stallServerToClient = true
        case .reply(let reply):
            enqueueToClient(Self.terminated(replyPrefix + reply))
        case .delay(let milliseconds):
            forwardCommand(line, text: text)
            delayNanos = Self.nanos(milliseconds: milliseconds)
        case .trickle:
            forwardCommand(line, text: text)
            startTrickling()
        }
    }

    private func handleEndOfData(_ line: [UInt8]) {
        guard let rule = core.match(.endOfData, connection: index, local: &ruleState) else {
            toServer += line
            return
        }
        let deadline = Self.now() + Self.replyWaitNanos
        switch rule.action {
        case .cutBeforeForwarding:
            cut(flushing: true)
        case .cutBeforeReply:
            toServer += line
            pendingReply = PendingReply(matcher: .smtpFinalLine, outcome: .cut, deadline: deadline)
        case .reply(let reply):
            toServer += line
            pendingReply = PendingReply(
                matcher: .smtpFinalLine, outcome: .replace(Self.terminated(reply)), deadline: deadline)
        case .stall:
            stallClientToServer = true
            stallServerToClient = true
        case .stallOneWay(.clientToServer):
            stallClientToServer = true
        case .stallOneWay(.serverToClient):
            toServer += line
            stallServerToClient = true
        case .delay(let milliseconds):
            toServer += line
            delayNanos = Self.nanos(milliseconds: milliseconds)
        case .trickle:
            toServer += line
            startTrickling()
        }
    }

    private func handleServerLine(_ line: [UInt8]) {
        let text = Self.text(of: line)
        if let pending = pendingReply {
            if Self.completes(pending.matcher, text) {
                pendingReply = nil
                resolve(pending)
            }
            return
        }
        if let matcher = pendingStartTLS, Self.completes(matcher, text) {
            pendingStartTLS = nil
            switch matcher {
            case .smtpFinalLine: opaque = text.hasPrefix("220")
            case .imapTagged(let tag): opaque = text.uppercased().hasPrefix(tag.uppercased() + " OK")
            }
        }
        if phase == .awaitingDataReply, Self.isFinalSMTPLine(text) {
            phase = text.hasPrefix("354") ? .data : .command
        }
        enqueueToClient(line)
    }

    /// Carries out an intercepted reply's outcome (also used when the server is silent or gone).
    func resolve(_ pending: PendingReply) {
        switch pending.outcome {
        case .cut: cut(flushing: true)
        case .replace(let bytes): enqueueToClient(bytes)
        }
    }

    /// Actions for triggers that are not tied to a client line.
    func applyOutsideLine(_ rule: FaultRule) {
        switch rule.action {
        case .cutBeforeForwarding, .cutBeforeReply:
            cut(flushing: true)
        case .stall:
            stallClientToServer = true
            stallServerToClient = true
        case .stallOneWay(.clientToServer):
            stallClientToServer = true
        case .stallOneWay(.serverToClient):
            stallServerToClient = true
        case .reply(let reply):
            enqueueToClient(Self.terminated(reply))
            hangUpUpstream()
        case .delay(let milliseconds):
            delayNanos = Self.nanos(milliseconds: milliseconds)
        case .trickle:
            startTrickling()
        }
    }

    /// Converts a rule's delay, clamped to 0...1 hour so the arithmetic cannot overflow.
    static func nanos(milliseconds: Int) -> UInt64 {
        UInt64(min(max(0, milliseconds), 3_600_000)) * 1_000_000
    }

    static func text(of line: [UInt8]) -> String {
        var end = line.count
        while end > 0, line[end - 1] == 10 || line[end - 1] == 13 { end -= 1 }
        return String(decoding: line[0..<end], as: UTF8.self)
    }

    static func terminated(_ reply: String) -> [UInt8] {
        reply.hasSuffix("\r\n") ? Array(reply.utf8) : Array((reply + "\r\n").utf8)
    }

    /// True when `text` is the line that ends the awaited reply.
    static func completes(_ matcher: ReplyMatcher, _ text: String) -> Bool {
        switch matcher {
        case .smtpFinalLine: return isFinalSMTPLine(text)
        case .imapTagged(let tag): return text.hasPrefix(tag + " ")
        }
    }

    /// True for the last line of an SMTP reply: three digits followed by a space or nothing.
    static func isFinalSMTPLine(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(4))
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (48...57).contains($0) }) else { return false }
        return bytes.count == 3 || bytes[3] == 32
    }

    /// The size of an IMAP literal announced at the end of a line ("{12}" or "{12+}").
    static func literalLength(_ text: String) -> Int? {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return nil }
        var digits = text[text.index(after: open)..<text.index(before: text.endIndex)]
        if digits.hasSuffix("+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isNumber), let value = Int(digits),
            value <= 1 << 30
        else { return nil }
        return value
    }
}
