import Testing
@testable import TOML

/// An invalid document and where its error must be reported.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let fragment: String

    init(_ text: String, _ line: Int, _ column: Int, _ fragment: String) {
        self.text = text
        self.line = line
        self.column = column
        self.fragment = fragment
    }

    var testDescription: String { fragment }
}

@Suite("Rejecting invalid documents")
struct ParserErrorTests {
    static let redefinitions: [ErrorCase] = [
        ErrorCase("a = 1\nb = 2\na = 3", 3, 1, "duplicate key a: it is already defined at line 1"),
        ErrorCase("[t]\nx = 1\n[t]", 3, 2, "cannot define table [t]: it is already a table defined at line 1"),
        ErrorCase("a.b = 1\na.b = 2", 2, 3, "duplicate key a.b"),
        ErrorCase("a.b = 1\na = 2", 2, 1, "duplicate key a"),
        ErrorCase("a = 1\na.b = 2", 2, 1, "cannot add dotted keys below a: it is already an integer"),
        ErrorCase("a.b = 1\n[a]", 2, 2, "a table defined by dotted keys at line 1"),
        ErrorCase("[a.b]\nx = 1\n[a]\nb.y = 2", 4, 1, "cannot add dotted keys below a.b"),
        ErrorCase("t = {x = 1}\n[t]", 2, 2, "inline table, which cannot be extended"),
        ErrorCase("t = {x = 1}\n[t.y]", 2, 2, "cannot use t as a table"),
        ErrorCase("t = {x = {y = 1}, x.z = 2}", 1, 19, "cannot add dotted keys below x"),
        ErrorCase("a = [1]\n[[a]]", 2, 3, "cannot define array of tables [[a]]"),
        ErrorCase("[[a]]\n[a]", 2, 2, "it is already an array of tables defined at line 1"),
        ErrorCase("[\"x y\"]\n[\"x y\"]", 2, 2, "cannot define table [\"x y\"]"),
    ]

    static let strings: [ErrorCase] = [
        ErrorCase("s = \"ab\\qc\"", 1, 8, "invalid escape sequence '\\' followed by 'q'"),
        ErrorCase("s = \"\\u12G4\"", 1, 6, "\\u must be followed by exactly 4 hexadecimal digits"),
        ErrorCase("s = \"\\uD800\"", 1, 6, "not a valid Unicode scalar value"),
        ErrorCase("s = \"\"\"a \\x b\"\"\"", 1, 10, "invalid escape sequence"),
        ErrorCase("s = \"abc", 1, 5, "unterminated string"),
        ErrorCase("s = \"abc\nx = 1", 1, 5, "must close on its own line"),
        ErrorCase("x = 1\ns = 'abc", 2, 5, "unterminated string"),
        ErrorCase("s = '''abc\n", 1, 5, "unterminated multi-line string"),
        ErrorCase("s = \"\"\"abc\"\"\"\"\"\"", 1, 11, "too many quotes"),
        ErrorCase("s = \"a\u{01}b\"", 1, 7, "control character U+0001 is not allowed in a string"),
        ErrorCase("s = \"\u{FC}\u{7F}\"", 1, 7, "control character U+007F"),
        ErrorCase("s = '''a\rb'''", 1, 9, "carriage return without a line feed"),
        ErrorCase("# fine\n# bad \u{00}", 2, 7, "is not allowed in a comment"),
        ErrorCase("\"\"\"k\"\"\" = 1", 1, 1, "a multi-line string cannot be used as a key"),
    ]

    static let numbers: [ErrorCase] = [
        ErrorCase("n = 01", 1, 5, "invalid number '01': leading zeros are not allowed"),
        ErrorCase("n = 1__0", 1, 5, "an underscore must sit between two digits"),
        ErrorCase("n = _1", 1, 5, "strings must be quoted"),
        ErrorCase("n = 1_", 1, 5, "an underscore must sit between two digits"),
        ErrorCase("n = 0x", 1, 5, "digits are missing"),
        ErrorCase("n = 0xG", 1, 5, "'G' is not a valid digit here"),
        ErrorCase("n = 9223372036854775808", 1, 5, "does not fit in a 64-bit signed integer"),
        ErrorCase("n = 0x8000000000000000", 1, 5, "does not fit in a 64-bit signed integer"),
        ErrorCase("n = +0x1", 1, 5, "cannot have a sign"),
        ErrorCase("n = 1.", 1, 5, "digits are missing"),
        ErrorCase("n = .5", 1, 5, "strings must be quoted"),
        ErrorCase("n = 1e", 1, 5, "digits are missing"),
        ErrorCase("n = 3.14.15", 1, 5, "'.' is not a valid digit here"),
        ErrorCase("n = -1e400", 1, 5, "too large for a 64-bit float"),
        ErrorCase("n = 1x", 1, 5, "'x' is not a valid digit here"),
        ErrorCase("d = 1979-13-01", 1, 5, "invalid date-time '1979-13-01'"),
        ErrorCase("d = 2023-02-29", 1, 5, "invalid date-time"),
        ErrorCase("d = 07:32", 1, 5, "invalid date-time"),
        ErrorCase("d = 1979-05-27T07:32:00+7", 1, 5, "invalid date-time"),
    ]

    static let structure: [ErrorCase] = [
        ErrorCase("a = 1 2", 1, 7, "unexpected '2' after the value"),
        ErrorCase("a = \"x\" y", 1, 9, "unexpected 'y' after the value"),
        ErrorCase("a = truex", 1, 5, "invalid value 'truex'"),
        ErrorCase("[t] x = 1", 1, 5, "unexpected 'x' after the table header"),
        ErrorCase("a = 1\r", 1, 6, "carriage return without a line feed"),
        ErrorCase("s = hello", 1, 5, "invalid value 'hello'; strings must be quoted"),
        ErrorCase("a =", 1, 4, "expected a value, found the end of the file"),
        ErrorCase("a = # none\n", 1, 5, "expected a value, found '#'"),
        ErrorCase("a 1", 1, 3, "expected '=' after key a, found '1'"),
        ErrorCase("= 1", 1, 1, "expected a key, found '='"),
        ErrorCase("a.= 1", 1, 3, "expected a key, found '='"),
        ErrorCase("\u{E9} = 1", 1, 1, "expected a key, found '\u{E9}'"),
        ErrorCase("t = {a = 1\n}", 1, 11, "an inline table must close on the line where it starts"),
        ErrorCase("t = {a = 1, }", 1, 13, "trailing comma is not allowed"),
        ErrorCase("t = {a = 1", 1, 5, "unterminated inline table"),
        ErrorCase("a = [1 2]", 1, 8, "expected ',' or ']' after an array element, found '2'"),
        ErrorCase("a = [1,,2]", 1, 8, "expected a value, found ','"),
        ErrorCase("a = [1,\n2", 1, 5, "unterminated array"),
        ErrorCase("[a", 1, 3, "expected ']' to close the table header"),
        ErrorCase("[[a]", 1, 4, "expected ']]' to close the array-of-tables header"),
        ErrorCase("[]", 1, 2, "expected a key, found ']'"),
    ]

    @Test("redefinitions are rejected at the second definition", arguments: redefinitions)
    func redefinition(_ example: ErrorCase) throws {
        try check(example)
    }

    @Test("bad strings, escapes and control characters are rejected", arguments: strings)
    func badStrings(_ example: ErrorCase) throws {
        try check(example)
    }

    @Test("bad numbers and date-times are rejected", arguments: numbers)
    func badNumbers(_ example: ErrorCase) throws {
        try check(example)
    }

    @Test("structural mistakes are rejected", arguments: structure)
    func badStructure(_ example: ErrorCase) throws {
        try check(example)
    }

    @Test("the error description names line and column first")
    func description() throws {
        let error = try #require(parseError("a = 1\na = 2"))
        #expect(error.description == "line 2, column 1: duplicate key a: it is already defined at line 1")
    }

    @Test("deep nesting is refused with an error instead of exhausting the stack", arguments: [
        NestedInput("5,000 open brackets", "a = " + String(repeating: "[", count: 5_000)),
        NestedInput("5,000 inline tables", "a = " + String(repeating: "{b = ", count: 5_000)),
        NestedInput("a 5,000-part dotted key", String(repeating: "a.", count: 5_000) + "a = 1"),
        NestedInput("a 5,000-part table header", "[" + String(repeating: "a.", count: 5_000) + "a]"),
        NestedInput("inline tables with dotted keys", "x = " + String(repeating: "{" + String(repeating: "k.", count: 100) + "k = ", count: 50)),
    ])
    func deepNesting(_ input: NestedInput) throws {
        let error = try #require(parseError(input.text))
        #expect(error.message.contains("128"))
    }

    private func check(_ example: ErrorCase) throws {
        let error = try #require(parseError(example.text), "expected an error for \(example.text.debugDescription)")
        #expect(error.message.contains(example.fragment), "message was: \(error.message)")
        #expect(error.line == example.line, "\(error)")
        #expect(error.column == example.column, "\(error)")
    }
}

/// A huge input with a short name, so test logs stay readable.
struct NestedInput: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String

    init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }

    var testDescription: String { name }
}
