public import MailCore

// TEMPORARY stand-in, replaced by the real classifier before landing.
/// Classifies incoming messages.
public struct ReplyClassifier: Sendable {
    /// A classifier that knows our own addresses and the unsubscribe mailto target.
    public init(ownAddresses: [String] = [], unsubscribeAddress: String? = nil) {}

    /// The verdict on `message`.
    public func classify(_ message: ParsedMessage) -> Classification {
        Classification(kind: .human, intent: .unclear, replyText: message.bestText, confidence: 0, needsReview: true, explanation: ["stand-in"])
    }

    /// The verdict on raw bytes.
    public func classify(bytes: [UInt8]) -> Classification {
        classify(MessageReader.parse(bytes))
    }
}

/// TEMPORARY stand-in.
public enum QuoteStripper {
    /// The person's own words.
    public static func newText(_ text: String) -> String { text }
}
