/// A TOML value; nested values are `TOMLNode`s so every element keeps its own source position.
public enum TOMLValue: Sendable, Equatable {
    /// A basic or literal string (single- or multi-line) with escapes already resolved.
    case string(String)
    /// A 64-bit signed integer, written in decimal, hexadecimal, octal or binary.
    case integer(Int64)
    /// A 64-bit float, including `inf`, `-inf` and `nan`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An offset date-time, local date-time, local date or local time, kept as its shape-checked source text.
    case datetime(String)
    /// An inline array or an array of tables, in source order.
    case array([TOMLNode])
    /// A header table, dotted-key table or inline table.
    case table(TOMLTable)

    /// The kind of value with its article, as used in messages: "a string", "an integer", "a table", ...
    public var kindDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .datetime: "a date-time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}
