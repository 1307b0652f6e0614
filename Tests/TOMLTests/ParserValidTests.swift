import Testing
@testable import TOML

@Suite("Parsing valid documents")
struct ParserValidTests {
    @Test("every supported feature parses to the expected values")
    func everything() throws {
        let root = try TOMLParser.parse(try fixture("everything.toml"))
        #expect(root.value("title") == .string("Follow-up settings"))
        #expect(root["quoted key"]?.value == .string("literal \\n stays"))
        #expect(root["single quoted"]?.value == .boolean(true))
        #expect(root["bare-key_2"]?.value == .boolean(false))
        #expect(root[""]?.value == .string("empty key"))
        #expect(root.value("escapes") == .string("tab\there \"q\" back\\slash \u{e9} \u{1F600} nl\n"))
        #expect(root.value("multi_basic") == .string("first line\nsecond joined"))
        #expect(root.value("multi_literal") == .string("raw \\n text\n"))
        #expect(root.value("quotes_inside") == .string("a \"quoted\" word\"\""))

        #expect(root.value("dec") == .integer(1000))
        #expect(root.value("neg") == .integer(-17))
        #expect(root.value("hex") == .integer(0xDEAD_BEEF))
        #expect(root.value("oct") == .integer(0o755))
        #expect(root.value("bin") == .integer(0b1101))
        #expect(root.value("pi") == .float(3.1415))
        #expect(root.value("exp") == .float(500))
        #expect(root.value("small") == .float(-0.002))
        #expect(root.value("plus_inf") == .float(.infinity))
        guard case .float(let notNumber)? = root.value("not_number") else {
            Issue.record("nan did not parse as a float")
            return
        }
        #expect(notNumber.isNaN)

        #expect(root.value("when") == .datetime("1979-05-27T07:32:00Z"))
        #expect(root.value("local_when") == .datetime("1979-05-27 07:32:00.999"))
        #expect(root.value("day") == .datetime("2024-02-29"))
        #expect(root.value("clock") == .datetime("07:32:00"))
        #expect(root.value("offset") == .datetime("1979-05-27T00:32:00-07:00"))

        guard case .array(let colors)? = root.value("colors") else {
            Issue.record("colors is not an array")
            return
        }
        #expect(colors.map(\.value) == [.string("red"), .string("green"), .string("blue")])
        #expect(colors.map(\.line) == [34, 34, 36])
        guard case .array(let nested)? = root.value("nested") else {
            Issue.record("nested is not an array")
            return
        }
        #expect(nested.count == 3)
        #expect(root.value("point.x") == .integer(1))
        #expect(root.value("point.y.z") == .integer(2))
        #expect(root.value("point.label") == .string("p"))
        #expect(root.value("empty_inline") == .table(TOMLTable(line: 39, column: 16)))
        #expect(root.value("site.name") == .string("example"))
        guard case .table(let site)? = root.value("site"), case .table(let page)? = site["web page"]?.value else {
            Issue.record("site.\"web page\" is not a table")
            return
        }
        #expect(page["url"]?.value == .string("https://example.com"))

        #expect(root.value("smtp.host") == .string("mail.example.com"))
        #expect(root.value("smtp.auth.user") == .string("me"))
        #expect(root.value("deep.inside.here.ok") == .boolean(true))
        #expect(root.value("deep.also") == .integer(1))
        #expect(root.keys.suffix(4) == ["site", "smtp", "deep", "steps"])
    }

    @Test("values and tables remember their line and column")
    func positions() throws {
        let root = try TOMLParser.parse(try fixture("everything.toml"))
        #expect(root["title"]?.line == 2)
        #expect(root["title"]?.column == 9)
        #expect(root["smtp"]?.line == 44)
        guard case .table(let smtp)? = root["smtp"]?.value else {
            Issue.record("smtp is not a table")
            return
        }
        #expect(smtp.line == 44)
        #expect(smtp["port"]?.line == 46)
        #expect(smtp["port"]?.column == 8)
        // A table created implicitly by [deep.inside.here] takes its line from that header.
        #expect(root["deep"]?.line == 51)
    }

    @Test("arrays of tables keep one table per header, nested headers go into the last one")
    func arrayOfTables() throws {
        let root = try TOMLParser.parse(try fixture("everything.toml"))
        guard case .array(let steps)? = root["steps"]?.value else {
            Issue.record("steps is not an array")
            return
        }
        #expect(steps.map(\.line) == [57, 60])
        guard case .table(let second)? = steps.last?.value else {
            Issue.record("steps[1] is not a table")
            return
        }
        #expect(second.value("name") == .string("second"))
        #expect(second.value("options.wait_days") == .integer(3))
        #expect(second["options"]?.line == 62)
        guard case .array(let checks)? = second["checks"]?.value else {
            Issue.record("steps[1].checks is not an array")
            return
        }
        #expect(checks.count == 1)
    }

    @Test("CRLF line endings parse like LF, and multi-line strings normalise them to LF")
    func crlf() throws {
        let text = "a = 1\r\n# note\r\n[t]\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\nc = [\r\n 1,\r\n 2 ]\r\n"
        let root = try TOMLParser.parse(text)
        #expect(root.value("a") == .integer(1))
        #expect(root.value("t.b") == .string("x\ny"))
        #expect(root["t"]?.line == 3)
        guard case .table(let table)? = root["t"]?.value else {
            Issue.record("t is not a table")
            return
        }
        #expect(table["c"]?.line == 7)
    }

    @Test("numbers at the edges of the 64-bit range", arguments: [
        ("a = 9_223_372_036_854_775_807", TOMLValue.integer(.max)),
        ("a = -9223372036854775808", .integer(.min)),
        ("a = 0x7FFFFFFFFFFFFFFF", .integer(.max)),
        ("a = -0", .integer(0)),
        ("a = 0.0", .float(0)),
        ("a = 1e05", .float(100_000)),
        ("a = -inf", .float(-.infinity)),
    ])
    func numberEdges(text: String, expected: TOMLValue) throws {
        #expect(try TOMLParser.parse(text)["a"]?.value == expected)
    }

    @Test("an empty document and a comment-only document are empty tables")
    func emptyDocuments() throws {
        #expect(try TOMLParser.parse("").count == 0)
        #expect(try TOMLParser.parse("# nothing\n\n   \t\n").count == 0)
        #expect(try TOMLParser.parse("\u{FEFF}a = 1")["a"]?.value == .integer(1))
    }

    @Test("dotted-key tables accept sub-table headers, as TOML 1.0 allows")
    func dottedThenSubTable() throws {
        let root = try TOMLParser.parse("[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n")
        #expect(root.value("fruit.apple.color") == .string("red"))
        #expect(root.value("fruit.apple.texture.smooth") == .boolean(true))
    }
}
