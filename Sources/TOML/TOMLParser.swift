/// Entry point: turns TOML 1.0 text into a table whose every value remembers its line and column.
public enum TOMLParser {
    /// Parses a whole document; throws the first syntax or redefinition error, with its line and column.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var scanner = TOMLScanner(text)
        let root = TOMLTableBuilder(origin: .root, line: 1, column: 1, depth: 0)
        var current = root
        while true {
            try scanner.skipBlanks()
            guard let byte = scanner.peek() else { break }
            if byte == TOMLScanner.Byte.openBracket {
                current = try scanner.parseHeader(in: root)
                try scanner.expectLineEnd(after: "the table header")
            } else {
                try scanner.parseKeyValue(into: current)
                try scanner.expectLineEnd(after: "the value")
            }
        }
        return root.freeze()
    }
}
