import Foundation

/// Small RFC 5322 messages for transport tests, with a unique Message-ID each.
public enum TestMessages {
    /// A plain-text message from `from` to `to` whose Message-ID is `<id>`; CRLF line endings.
    /// The body includes a line starting with a dot, to prove dot-stuffing is done once.
    public static func simple(from: String, to: String, id: String, subject: String = "Test", body: String? = nil) -> [UInt8] {
        let text = body ?? "Hello,\r\n.a line that starts with a dot\r\n..and one with two\r\n\r\nBye\r\n"
        let message = "From: <\(from)>\r\nTo: <\(to)>\r\nSubject: \(subject)\r\nDate: Tue, 01 Dec 2026 09:00:00 +0000\r\n"
            + "Message-ID: <\(id)>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text
        return Array(message.utf8)
    }

    /// A fresh unique Message-ID value (without brackets).
    public static func uniqueID(_ label: String = "test") -> String {
        "\(label).\(UUID().uuidString.lowercased())@followup.test"
    }
}
