/// The details of an automatic reply.
public struct AutoReplyInfo: Sendable, Equatable {
    /// The return date (yyyy-MM-dd) when the auto-reply states one, else nil.
    public var returnDate: String?

    /// Creates auto-reply details.
    public init(returnDate: String?) {
        self.returnDate = returnDate
    }
}
