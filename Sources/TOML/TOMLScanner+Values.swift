extension TOMLScanner {
    /// Parses the value at the cursor; `depth` is how deeply it is nested below the root.
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLNode {
        let start = pos
        if depth > TOMLLimits.maxDepth {
            throw error("value is nested more than \(TOMLLimits.maxDepth) levels deep", at: start)
        }
        let (line, column) = locateCursor()
        let value: TOMLValue
        switch peek() {
        case Byte.quote?:
            let multiline = peek(1) == Byte.quote && peek(2) == Byte.quote
            value = .string(try multiline ? parseMultilineBasicString() : parseBasicString())
        case Byte.apostrophe?:
            let multiline = peek(1) == Byte.apostrophe && peek(2) == Byte.apostrophe
            value = .string(try multiline ? parseMultilineLiteralString() : parseLiteralString())
        case Byte.openBracket?:
            value = try parseArray(depth: depth)
        case Byte.openBrace?:
            value = try parseInlineTable(depth: depth, line: line, column: column)
        case let byte? where Self.isTokenByte(byte):
            value = try parseScalarToken()
        default:
            throw error("expected a value, found \(describe(at: start))", at: start)
        }
        return TOMLNode(value: value, line: line, column: column)
    }

    /// Bytes that can appear in booleans, numbers and date-times.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        TOMLKeyPath.isBareKeyByte(byte) || byte == Byte.plus || byte == Byte.dot || byte == Byte.colon
    }

    /// A boolean, number or date-time: a run of token bytes (plus the space inside "1979-05-27 07:32:00").
    private mutating func parseScalarToken() throws(TOMLError) -> TOMLValue {
        let start = pos
        while true {
            while let byte = peek(), Self.isTokenByte(byte) {
                pos += 1
            }
            let isDate = TOMLDateTime.isDate(bytes[start..<pos])
            guard isDate, peek() == Byte.space, let hour = peek(1), let hour2 = peek(2),
                  (0x30...0x39).contains(hour), (0x30...0x39).contains(hour2), peek(3) == Byte.colon
            else { break }
            pos += 1
        }
        let token = bytes[start..<pos]
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: break
        }
        if token.contains(Byte.colon) || TOMLDateTime.startsWithDate(token) {
            guard TOMLDateTime.isValid(token) else {
                throw error("invalid date-time '\(text)'; expected a form like 1979-05-27T07:32:00Z, 1979-05-27 or 07:32:00", at: start)
            }
            return .datetime(text)
        }
        guard let first = token.first, (0x30...0x39).contains(first) || first == Byte.plus || first == Byte.minus
            || text == "inf" || text == "nan"
        else {
            throw error("invalid value '\(text)'; strings must be quoted, booleans are true or false", at: start)
        }
        do throws(TOMLNumber.Invalid) {
            return try TOMLNumber.parse(text)
        } catch {
            throw self.error("invalid number '\(text)': \(error.reason)", at: start)
        }
    }

    private mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        let start = pos
        pos += 1
        var items: [TOMLNode] = []
        while true {
            try skipBlanks()
            guard let byte = peek() else { break }
            if byte == Byte.closeBracket {
                pos += 1
                return .array(items)
            }
            items.append(try parseValue(depth: depth + 1))
            try skipBlanks()
            if peek() == Byte.comma {
                pos += 1
            } else if peek() == Byte.closeBracket {
                pos += 1
                return .array(items)
            } else if !atEnd {
                throw error("expected ',' or ']' after an array element, found \(describe(at: pos))", at: pos)
            }
        }
        throw error("unterminated array; add the closing ']'", at: start)
    }

    private mutating func parseInlineTable(depth: Int, line: Int, column: Int) throws(TOMLError) -> TOMLValue {
        let start = pos
        let builder = TOMLTableBuilder(origin: .inline, line: line, column: column, depth: depth)
        pos += 1
        skipSpaces()
        if peek() == Byte.closeBrace {
            pos += 1
            return .table(builder.freeze())
        }
        while true {
            try parseKeyValue(into: builder)
            skipSpaces()
            switch peek() {
            case Byte.comma?:
                pos += 1
                skipSpaces()
                if peek() == Byte.closeBrace {
                    throw error("trailing comma is not allowed in an inline table", at: pos)
                }
            case Byte.closeBrace?:
                pos += 1
                return .table(builder.freeze())
            case nil:
                throw error("unterminated inline table; add the closing '}'", at: start)
            case Byte.lf?, Byte.cr?:
                throw error("an inline table must close on the line where it starts; found a newline before '}'", at: pos)
            default:
                throw error("expected ',' or '}' in an inline table, found \(describe(at: pos))", at: pos)
            }
        }
    }

    /// Parses `key = value` and stores it in `table`.
    mutating func parseKeyValue(into table: TOMLTableBuilder) throws(TOMLError) {
        let key = try parseKey()
        guard peek() == Byte.equals else {
            throw error("expected '=' after key \(TOMLKeyPath.join(key.map(\.name))), found \(describe(at: pos))", at: pos)
        }
        pos += 1
        skipSpaces()
        let value = try parseValue(depth: table.depth + key.count)
        try table.insert(key, value)
    }

    /// Parses a `[table]` or `[[array]]` header and returns the table that following keys go into.
    mutating func parseHeader(in root: TOMLTableBuilder) throws(TOMLError) -> TOMLTableBuilder {
        let (line, column) = locateCursor()
        let isArray = peek(1) == Byte.openBracket
        pos += isArray ? 2 : 1
        let key = try parseKey()
        if isArray {
            guard peek() == Byte.closeBracket, peek(1) == Byte.closeBracket else {
                throw error("expected ']]' to close the array-of-tables header, found \(describe(at: pos))", at: pos)
            }
            pos += 2
            return try root.openArrayTable(key, line: line, column: column)
        }
        guard peek() == Byte.closeBracket else {
            throw error("expected ']' to close the table header, found \(describe(at: pos))", at: pos)
        }
        pos += 1
        return try root.openTable(key, line: line, column: column)
    }
}
