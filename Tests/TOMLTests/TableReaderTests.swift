import Testing
@testable import TOML

@Suite("Reading a config with TOMLTableReader")
struct TableReaderTests {
    /// Reads followup.toml the way the followup tool would, returning every problem found.
    private func readFollowup() throws -> TOMLProblems {
        let problems = TOMLProblems()
        let root = TOMLTableReader(try TOMLParser.parse(try fixture("followup.toml")), problems: problems)
        _ = root.requiredString("from")
        _ = root.integer("max_followups")
        _ = root.requiredString("subject")
        if let smtp = root.requiredTable("smtp") {
            _ = smtp.requiredString("host")
            if let port = smtp.integer("port"), port != 465 {
                smtp.problem("port", "use port 465 for implicit TLS")
            }
            _ = smtp.bool("starttls")
            _ = smtp.string("password_env")
            _ = smtp.strings("to")
            smtp.rejectUnknownKeys()
        }
        for step in root.tables("steps") ?? [] {
            _ = step.requiredInteger("after_days")
            _ = step.requiredString("template")
            step.rejectUnknownKeys()
        }
        root.rejectUnknownKeys()
        return problems
    }

    @Test("every problem is collected with its line and key path, not just the first")
    func collectsAllProblems() throws {
        let problems = try readFollowup()
        #expect(problems.all.map(\.description) == [
            "line 3: max_followups: expected an integer, found a string",
            "line 1: subject: missing required key",
            "line 7: smtp.port: use port 465 for implicit TLS",
            "line 8: smtp.starttls: expected a boolean, found an integer",
            "line 10: smtp.to[1]: expected a string, found an integer",
            "line 9: smtp.pasword_env: unknown key; did you mean smtp.password_env?",
            "line 22: steps[2].template: expected a string, found a boolean",
            "line 23: steps[2].extra: unknown key",
        ])
        #expect(problems.sortedByLine.map(\.line) == [1, 3, 7, 8, 9, 10, 22, 23])
    }

    @Test("values of the right type come back, and absent optional keys give nil without a problem")
    func readsValues() throws {
        let problems = TOMLProblems()
        let text = "name = \"x\"\nratio = 2\nscale = 0.5\nflags = [\"a\", \"b\"]\nat = 1979-05-27\n[[items]]\nid = 1\n"
        let root = TOMLTableReader(try TOMLParser.parse(text), problems: problems)
        #expect(root.string("name") == "x")
        #expect(root.double("ratio") == 2)
        #expect(root.double("scale") == 0.5)
        #expect(root.strings("flags") == ["a", "b"])
        #expect(root.datetime("at") == "1979-05-27")
        #expect(root.string("absent") == nil)
        #expect(root.bool("absent") == nil)
        let items = try #require(root.tables("items"))
        #expect(items.first?.integer("id") == 1)
        #expect(items.first?.path == "items[0]")
        #expect(root.line(of: "scale") == 3)
        #expect(root.line(of: "absent") == 1)
        root.rejectUnknownKeys()
        items.first?.rejectUnknownKeys()
        #expect(problems.isEmpty, "\(problems.all)")
    }

    @Test("wrong container types are reported with the expected kind")
    func wrongContainers() throws {
        let problems = TOMLProblems()
        let text = "t = 1\nlist = \"x\"\nsteps = [1, {a = 1}]\n[single]\n"
        let root = TOMLTableReader(try TOMLParser.parse(text), problems: problems)
        #expect(root.table("t") == nil)
        #expect(root.strings("list") == nil)
        #expect(root.tables("steps") == nil)
        #expect(root.tables("single") == nil)
        #expect(problems.all.map(\.description) == [
            "line 1: t: expected a table, found an integer",
            "line 2: list: expected an array of strings, found a string",
            "line 3: steps[0]: expected a table, found an integer",
            "line 4: single: expected an array of tables, found a table",
        ])
    }

    @Test("reading the same child table twice shares which keys were asked for")
    func sharedTracking() throws {
        let problems = TOMLProblems()
        let root = TOMLTableReader(try TOMLParser.parse("[smtp]\nhost = \"h\"\nport = 1\n"), problems: problems)
        _ = root.table("smtp")?.string("host")
        _ = root.table("smtp")?.integer("port")
        root.table("smtp")?.rejectUnknownKeys()
        root.rejectUnknownKeys()
        #expect(problems.isEmpty, "\(problems.all)")
    }

    @Test("keys that need quotes are quoted in paths")
    func quotedPaths() throws {
        let problems = TOMLProblems()
        let root = TOMLTableReader(try TOMLParser.parse("[\"web site\"]\n\"a.b\" = 1\n"), problems: problems)
        root.table("web site")?.rejectUnknownKeys()
        #expect(problems.all.map(\.description) == ["line 2: \"web site\".\"a.b\": unknown key"])
    }

    @Test("suggestions need an edit distance of at most two", arguments: [
        ("pasword", "password", true),
        ("hots", "host", true),
        ("PORT", "port", true),
        ("timeout_seconds", "retries", false),
        ("abc", "xyz", false),
    ])
    func suggestions(typed: String, known: String, suggested: Bool) {
        let result = TOMLTableReader.closest(to: typed, among: [known])
        #expect((result == known) == suggested)
    }
}
