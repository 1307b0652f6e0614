import Foundation
public import MailTransport

/// Waiting for effects that happen in the background, such as Postfix handing a message to
/// Dovecot after it said "queued". The limit is generous (a slow, loaded machine under
/// AddressSanitizer), and costs nothing when the effect is quick.
public enum Eventually {
    /// Asks `done` every 0.1 s until it answers true or `seconds` have passed; returns its last answer.
    @discardableResult
    public static func wait(upTo seconds: Double = 60, _ done: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try done() { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}

extension IMAPMailbox {
    /// Waits until a message whose Message-ID header contains `id` is in this mailbox (Postfix
    /// delivers in the background); its UID (the newest, if several), or nil when none arrived in time.
    public func awaitMessage(messageID id: String) throws -> UInt32? {
        var found: UInt32?
        try Eventually.wait {
            found = try uids(header: "Message-ID", contains: id).last
            return found != nil
        }
        return found
    }
}
