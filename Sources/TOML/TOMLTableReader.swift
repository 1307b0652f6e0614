/// Reads typed values out of one table, recording every wrong type, missing key and unknown key as a problem.
public struct TOMLTableReader {
    /// The table being read.
    public let table: TOMLTable
    /// Dotted path of this table from the root ("" for the root), used to name keys in problems.
    public let path: String
    /// Where problems are recorded.
    public let problems: TOMLProblems
    let tracker: TOMLKeyTracker

    /// Creates a reader for `table`, found at `path`, recording into `problems`.
    public init(_ table: TOMLTable, path: String = "", problems: TOMLProblems) {
        self.init(table, path: path, problems: problems, tracker: TOMLKeyTracker())
    }

    private init(_ table: TOMLTable, path: String, problems: TOMLProblems, tracker: TOMLKeyTracker) {
        self.table = table
        self.path = path
        self.problems = problems
        self.tracker = tracker
    }

    /// The full dotted path of `key` in this table, e.g. "smtp.port".
    public func path(of key: String) -> String {
        TOMLKeyPath.join(path, key)
    }

    /// The line of `key`, or the table's own line when the key is absent.
    public func line(of key: String) -> Int {
        table[key]?.line ?? table.line
    }

    /// Records a caller-found problem (e.g. a bad URL) about `key`, at the key's line.
    public func problem(_ key: String, _ message: String) {
        problems.add(TOMLProblem(line: line(of: key), path: path(of: key), message: message))
    }

    /// The raw node for `key` (marking the key as known), or nil if absent.
    public func node(_ key: String) -> TOMLNode? {
        tracker.asked.insert(key)
        return table[key]
    }

    /// The string at `key`; nil if absent or of another type (which is recorded).
    public func string(_ key: String) -> String? {
        read(key, expected: "a string") { if case .string(let value) = $0 { value } else { nil } }
    }

    /// Like `string(_:)`, and also records "missing required key" when absent.
    public func requiredString(_ key: String) -> String? {
        required(key, string(key))
    }

    /// The integer at `key`; nil if absent or of another type (which is recorded).
    public func integer(_ key: String) -> Int64? {
        read(key, expected: "an integer") { if case .integer(let value) = $0 { value } else { nil } }
    }

    /// Like `integer(_:)`, and also records "missing required key" when absent.
    public func requiredInteger(_ key: String) -> Int64? {
        required(key, integer(key))
    }

    /// The boolean at `key`; nil if absent or of another type (which is recorded).
    public func bool(_ key: String) -> Bool? {
        read(key, expected: "a boolean") { if case .boolean(let value) = $0 { value } else { nil } }
    }

    /// The float at `key`, accepting integers too; nil if absent or of another type (which is recorded).
    public func double(_ key: String) -> Double? {
        read(key, expected: "a float") {
            switch $0 {
            case .float(let value): value
            case .integer(let value): Double(value)
            default: nil
            }
        }
    }

    /// The raw text of the date-time at `key`; nil if absent or of another type (which is recorded).
    public func datetime(_ key: String) -> String? {
        read(key, expected: "a date-time") { if case .datetime(let value) = $0 { value } else { nil } }
    }

    /// The array of strings at `key`; nil if absent, not an array, or holding a non-string (each recorded).
    public func strings(_ key: String) -> [String]? {
        guard let items = array(key, expected: "an array of strings") else { return nil }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            if case .string(let value) = item.value {
                strings.append(value)
            } else {
                wrongType(item, at: "\(path(of: key))[\(index)]", expected: "a string")
            }
        }
        return strings.count == items.count ? strings : nil
    }

    /// A reader for the table at `key`; nil if absent or of another type (which is recorded).
    public func table(_ key: String) -> TOMLTableReader? {
        guard let child = read(key, expected: "a table", { if case .table(let value) = $0 { value } else { nil } })
        else { return nil }
        let childPath = path(of: key)
        return TOMLTableReader(child, path: childPath, problems: problems, tracker: tracker.child(childPath))
    }

    /// Like `table(_:)`, and also records "missing required key" when absent.
    public func requiredTable(_ key: String) -> TOMLTableReader? {
        required(key, table(key))
    }

    /// Readers for the array of tables at `key` (paths like `steps[2]`, 0-based); nil if absent or malformed (recorded).
    public func tables(_ key: String) -> [TOMLTableReader]? {
        guard let items = array(key, expected: "an array of tables") else { return nil }
        var readers: [TOMLTableReader] = []
        for (index, item) in items.enumerated() {
            let elementPath = "\(path(of: key))[\(index)]"
            if case .table(let child) = item.value {
                readers.append(TOMLTableReader(child, path: elementPath, problems: problems, tracker: tracker.child(elementPath)))
            } else {
                wrongType(item, at: elementPath, expected: "a table")
            }
        }
        return readers.count == items.count ? readers : nil
    }

    private func array(_ key: String, expected: String) -> [TOMLNode]? {
        read(key, expected: expected) { if case .array(let value) = $0 { value } else { nil } }
    }

    private func read<T>(_ key: String, expected: String, _ extract: (TOMLValue) -> T?) -> T? {
        guard let node = node(key) else { return nil }
        guard let value = extract(node.value) else {
            wrongType(node, at: path(of: key), expected: expected)
            return nil
        }
        return value
    }

    private func wrongType(_ node: TOMLNode, at path: String, expected: String) {
        problems.add(TOMLProblem(line: node.line, path: path, message: "expected \(expected), found \(node.value.kindDescription)"))
    }

    private func required<T>(_ key: String, _ value: T?) -> T? {
        if table[key] == nil {
            problems.add(TOMLProblem(line: table.line, path: path(of: key), message: "missing required key"))
        }
        return value
    }
}
