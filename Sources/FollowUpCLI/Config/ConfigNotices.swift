import FollowUp
import Logging

/// What every command that loads the config says about it before doing anything: settings that
/// work but weaken security or change how replies are read. One line each, on stderr.
enum ConfigNotices {
    /// The lines for `config`, each with the level it is logged at.
    static func lines(for config: FollowUpConfig) -> [(level: Logger.Level, text: String)] {
        var lines = TLSWarnings.lines(for: config).map { (level: Logger.Level.warning, text: $0) }
        if let mailbox = config.unsubscribeMailbox, !mailbox.isDedicated {
            lines.append((.notice, "sender.unsubscribe_mailto (\(mailbox.address)) is also where replies arrive, so mail to it is read for what it says: "
                          + "an \"unsubscribe\" subject or a request in the text removes someone, a reply that says yes does not; "
                          + "a dedicated address such as \(config.suggestedUnsubscribeAddress) makes every message to it a removal request"))
        }
        return lines
    }
}

extension FollowUpConfig {
    /// The List-Unsubscribe mailbox, judged against every address this campaign receives replies at.
    var unsubscribeMailbox: UnsubscribeMailbox? {
        sender.unsubscribeMailto.map { address in
            UnsubscribeMailbox(address: address, campaignAddresses: [sender.email, imap?.server.username, smtp?.witnessAddress].compactMap { $0 })
        }
    }

    /// `name+unsubscribe@domain` for the sender's `name@domain`.
    var suggestedUnsubscribeAddress: String {
        let base = UnsubscribeMailbox.withoutPlusTag(sender.email.lowercased())
        guard let at = base.lastIndex(of: "@") else { return "unsubscribe@example.com" }
        return String(base[..<at]) + "+unsubscribe" + String(base[at...])
    }
}
