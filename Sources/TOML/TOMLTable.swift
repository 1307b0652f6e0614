/// An ordered TOML table: its keys in the order they first appeared, each mapped to a positioned node.
public struct TOMLTable: Sendable, Equatable {
    /// The keys in insertion (source) order.
    public private(set) var keys: [String] = []
    private var nodes: [String: TOMLNode] = [:]
    /// 1-based line where the table was opened (header, first dotted key or `{`); 1 for the root table.
    public let line: Int
    /// 1-based column where the table was opened; 1 for the root table.
    public let column: Int

    /// Creates an empty table opened at `line` and `column`.
    public init(line: Int = 1, column: Int = 1) {
        self.line = line
        self.column = column
    }

    /// The node stored under `key`, or nil if the table has no such key.
    public subscript(key: String) -> TOMLNode? {
        nodes[key]
    }

    /// The number of keys in the table.
    public var count: Int { keys.count }

    /// Stores `node` under `key`, appending the key to `keys` if it is new (replacing keeps the original order).
    public mutating func set(_ node: TOMLNode, for key: String) {
        if nodes.updateValue(node, forKey: key) == nil {
            keys.append(key)
        }
    }
}
