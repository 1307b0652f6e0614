/// A table under construction that remembers how it was created, so TOML's redefinition rules can be enforced.
final class TOMLTableBuilder {
    /// How a table came to exist.
    enum Origin {
        case root, inline
        /// Created as a parent of a `[a.b]` header; may later be defined by its own header once.
        case implicit
        /// Defined by a `[header]` or as an element of `[[array]]`.
        case header
        /// Created by a dotted key such as `a.b = 1`; may be extended only by more dotted keys.
        case dotted
    }

    /// What a key holds while building.
    enum Entry {
        case value(TOMLNode)
        case table(TOMLTableBuilder)
        case tableArray(TableArray)
    }

    /// The tables of one `[[array]]`, kept in a reference so appending never copies the array.
    final class TableArray {
        var elements: [TOMLTableBuilder]
        let line: Int
        let column: Int

        init(first: TOMLTableBuilder, line: Int, column: Int) {
            elements = [first]
            self.line = line
            self.column = column
        }
    }

    private(set) var origin: Origin
    let line: Int
    let column: Int
    /// Nesting depth below the root (the root is 0).
    let depth: Int
    /// Dotted path from the root, for messages ("" for the root and for inline tables).
    let path: String
    private var keys: [String] = []
    private var entries: [String: Entry] = [:]

    init(origin: Origin, line: Int, column: Int, depth: Int, path: String = "") {
        self.origin = origin
        self.path = path
        self.line = line
        self.column = column
        self.depth = depth
    }

    /// Stores `node` under the dotted `key`, creating dotted-key tables along the way.
    func insert(_ key: [TOMLKeySegment], _ node: TOMLNode) throws(TOMLError) {
        var table = self
        for (index, segment) in key.enumerated() {
            let isLast = index == key.count - 1
            switch table.entries[segment.name] {
            case nil where isLast:
                table.add(segment.name, .value(node))
            case nil:
                let child = try table.makeChild(.dotted, at: segment, line: segment.line, column: segment.column)
                table.add(segment.name, .table(child))
                table = child
            case .table(let child)? where !isLast && child.origin == .dotted:
                table = child
            case let existing?:
                let path = TOMLKeyPath.join(table.path, segment.name)
                if isLast {
                    throw Self.error(at: segment, "duplicate key \(path): it is already defined at line \(Self.line(of: existing))")
                }
                throw Self.error(at: segment, "cannot add dotted keys below \(path): it is already \(Self.describe(existing))")
            }
        }
    }

    /// Opens the table named by a `[a.b.c]` header.
    func openTable(_ key: [TOMLKeySegment], line: Int, column: Int) throws(TOMLError) -> TOMLTableBuilder {
        guard let last = key.last else { throw TOMLError(line: line, column: column, message: "empty table header") }
        let parent = try walk(key.dropLast())
        let path = TOMLKeyPath.join(key.map(\.name))
        switch parent.entries[last.name] {
        case nil:
            let child = try parent.makeChild(.header, at: last, line: line, column: column)
            parent.add(last.name, .table(child))
            return child
        case .table(let child)? where child.origin == .implicit:
            child.origin = .header
            return child
        case let existing?:
            throw Self.error(at: last, "cannot define table [\(path)]: it is already \(Self.describe(existing))")
        }
    }

    /// Appends a new table to the array named by a `[[a.b.c]]` header.
    func openArrayTable(_ key: [TOMLKeySegment], line: Int, column: Int) throws(TOMLError) -> TOMLTableBuilder {
        guard let last = key.last else { throw TOMLError(line: line, column: column, message: "empty table header") }
        let parent = try walk(key.dropLast())
        let path = TOMLKeyPath.join(key.map(\.name))
        let child = try parent.makeChild(.header, at: last, line: line, column: column)
        switch parent.entries[last.name] {
        case nil:
            parent.add(last.name, .tableArray(TableArray(first: child, line: line, column: column)))
        case .tableArray(let array)?:
            array.elements.append(child)
        case let existing?:
            throw Self.error(at: last, "cannot define array of tables [[\(path)]]: it is already \(Self.describe(existing))")
        }
        return child
    }

    /// Follows the parent parts of a header, creating implicit tables and entering the last element of arrays.
    private func walk(_ segments: ArraySlice<TOMLKeySegment>) throws(TOMLError) -> TOMLTableBuilder {
        var table = self
        for segment in segments {
            var path: String { TOMLKeyPath.join(table.path, segment.name) }
            switch table.entries[segment.name] {
            case nil:
                let child = try table.makeChild(.implicit, at: segment, line: segment.line, column: segment.column)
                table.add(segment.name, .table(child))
                table = child
            case .table(let child)?:
                table = child
            case .tableArray(let array)?:
                guard let lastElement = array.elements.last else {
                    throw Self.error(at: segment, "array of tables \(path) is empty")
                }
                table = lastElement
            case .value(let node)?:
                throw Self.error(at: segment, "cannot use \(path) as a table: it is already \(node.value.kindDescription) defined at line \(node.line)")
            }
        }
        return table
    }

    private func makeChild(_ origin: Origin, at segment: TOMLKeySegment, line: Int, column: Int) throws(TOMLError) -> TOMLTableBuilder {
        guard depth < TOMLLimits.maxDepth else {
            throw Self.error(at: segment, "tables are nested more than \(TOMLLimits.maxDepth) levels deep")
        }
        let childPath = TOMLKeyPath.join(path, segment.name)
        return TOMLTableBuilder(origin: origin, line: line, column: column, depth: depth + 1, path: childPath)
    }

    private func add(_ key: String, _ entry: Entry) {
        keys.append(key)
        entries[key] = entry
    }

    private static func error(at segment: TOMLKeySegment, _ message: String) -> TOMLError {
        TOMLError(line: segment.line, column: segment.column, message: message)
    }

    private static func line(of entry: Entry) -> Int {
        switch entry {
        case .value(let node): node.line
        case .table(let table): table.line
        case .tableArray(let array): array.line
        }
    }

    /// "a table defined at line 3", "an integer defined at line 5", ...
    private static func describe(_ entry: Entry) -> String {
        switch entry {
        case .value(let node):
            let kind = node.value.kindDescription
            let inline = if case .table = node.value { "an inline table, which cannot be extended," } else { kind }
            return "\(inline) defined at line \(node.line)"
        case .table(let table):
            return table.origin == .dotted
                ? "a table defined by dotted keys at line \(table.line)"
                : "a table defined at line \(table.line)"
        case .tableArray(let array):
            return "an array of tables defined at line \(array.line)"
        }
    }

    /// The finished, immutable table.
    func freeze() -> TOMLTable {
        var table = TOMLTable(line: line, column: column)
        for key in keys {
            switch entries[key] {
            case .value(let node)?:
                table.set(node, for: key)
            case .table(let child)?:
                table.set(TOMLNode(value: .table(child.freeze()), line: child.line, column: child.column), for: key)
            case .tableArray(let array)?:
                let nodes = array.elements.map { TOMLNode(value: .table($0.freeze()), line: $0.line, column: $0.column) }
                table.set(TOMLNode(value: .array(nodes), line: array.line, column: array.column), for: key)
            case nil:
                continue
            }
        }
        return table
    }
}
