import FollowUp
import Foundation
import MailCore

/// What `doctor` checks before a campaign goes out, beyond whether it works: nothing left over
/// from `followup init`, every message carries the postal address and the opt-out line that
/// CAN-SPAM asks for and the README promises, and a pace that mailbox providers accept.
enum ComplianceCheck {
    /// A daily cap above this many messages from one mailbox looks like bulk mail to Google
    /// Workspace and Microsoft 365, whatever their hard limits (2,000 and 10,000 a day).
    static let carefulDailyCap = 500
    /// Fewer seconds than this between messages reads as a burst to providers' filters.
    static let carefulGapSeconds = 30

    /// One warning per value or template still as `followup init` wrote it, and per address
    /// in a domain reserved for examples.
    static func placeholders(in config: FollowUpConfig) -> [String] {
        var warnings: [String] = []
        if let example = try? ConfigLoader.parse(DefaultFiles.config, path: "followup.toml") {
            let pairs: [(String, String?, String?)] = [
                ("sender.name", config.sender.name, example.sender.name),
                ("sender.email", config.sender.email, example.sender.email),
                ("sender.postal_address", config.sender.postalAddress, example.sender.postalAddress),
                ("sender.unsubscribe_mailto", config.sender.unsubscribeMailto, example.sender.unsubscribeMailto),
                ("smtp.url", config.smtp?.server.url, example.smtp?.server.url),
                ("imap.url", config.imap?.server.url, example.imap?.server.url),
            ]
            for (key, value, placeholder) in pairs where value != nil && value == placeholder {
                warnings.append("\(key) is still the example from `followup init` (\"\(value ?? "")\"); put in your own")
            }
        }
        let addresses: [(String, String?)] = [("sender.email", config.sender.email), ("sender.unsubscribe_mailto", config.sender.unsubscribeMailto),
                                              ("smtp.username", config.smtp?.server.username), ("imap.username", config.imap?.server.username)]
        for (key, address) in addresses {
            guard let address, let domain = address.split(separator: "@").last.map({ $0.lowercased() }),
                  ["example.com", "example.org", "example.net"].contains(domain) else { continue }
            warnings.append("\(key) \"\(address)\" is in \(domain), a domain reserved for examples; nobody can reply to it")
        }
        for step in config.steps {
            guard let text = try? String(contentsOfFile: step.template, encoding: .utf8) else { continue }
            let name = (step.template as NSString).lastPathComponent
            if let original = DefaultFiles.all.first(where: { $0.path == "Templates/" + name }), original.content == text {
                warnings.append("\(step.templateAsWritten) is still the example text from `followup init`; make it yours"
                                + (text.contains("Replace it with a real one") ? " (its story is made up)" : ""))
            } else if text.contains("Replace it with a real one of your own") {
                warnings.append("\(step.templateAsWritten) still says to replace its made-up story with a real one")
            }
        }
        return warnings
    }

    /// An error for each step whose message, as rendered, lacks the sender's postal address or
    /// the opt-out line (`{{unsubscribe_line}}` or a sentence of the user's own that mentions
    /// unsubscribing or opting out). Checked on `message` when one could be rendered, else on
    /// the template's source.
    static func requiredLines(step: Int, file: String, rendered message: ComposedMessage?, source: String, config: FollowUpConfig) -> [String] {
        let postal = config.sender.postalAddress
        let optOut = config.senderIdentity.unsubscribeLine
        let text: String
        if let message {
            text = MessageReader.parse(message.bytes).bestText
        } else {
            text = source.replacingOccurrences(of: "{{sender.postal_address}}", with: postal)
                .replacingOccurrences(of: "{{unsubscribe_line}}", with: optOut)
        }
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var errors: [String] = []
        if !folded.contains(postal.split(whereSeparator: \.isWhitespace).joined(separator: " ")) {
            errors.append("\(file): step \(step) does not print the postal address (CAN-SPAM requires it in every message); add {{sender.postal_address}}")
        }
        let lower = folded.lowercased()
        if !folded.contains(optOut), !["unsubscribe", "opt out", "opt-out"].contains(where: lower.contains) {
            errors.append("\(file): step \(step) has no opt-out line (CAN-SPAM requires one in every message); add {{unsubscribe_line}}")
        }
        return errors
    }

    /// A warning when the daily cap or the gap between messages is far from what mailbox
    /// providers tolerate from one mailbox.
    static func pace(of config: FollowUpConfig) -> [String] {
        var warnings: [String] = []
        if config.schedule.dailyCap > carefulDailyCap {
            warnings.append("schedule.daily_cap = \(config.schedule.dailyCap) is more than one mailbox should send a day to people who do not "
                            + "know it (Google Workspace and Microsoft 365 flag bulk sending); keep it at \(carefulDailyCap) or less, 50 to 200 for a new mailbox")
        }
        if config.schedule.minGapSeconds < carefulGapSeconds {
            warnings.append("schedule.min_gap_seconds = \(config.schedule.minGapSeconds) sends in bursts that spam filters notice; "
                            + "\(carefulGapSeconds) seconds or more (with jitter) looks like a person")
        }
        return warnings
    }
}

extension DefaultFiles {
    /// The `followup.toml` that `followup init` writes.
    static var config: String {
        all.first { $0.path == "followup.toml" }?.content ?? ""
    }
}
