/// A value together with the 1-based line and column where it starts in the source.
public struct TOMLNode: Sendable, Equatable {
    /// The value itself.
    public let value: TOMLValue
    /// 1-based line where the value (or the header that opened the table) starts.
    public let line: Int
    /// 1-based column, counted in Unicode scalars, where the value starts.
    public let column: Int

    /// Creates a node; the parser does this for you, tests and tools may build their own.
    public init(value: TOMLValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}
