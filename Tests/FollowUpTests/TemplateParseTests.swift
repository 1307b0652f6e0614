import Testing
import FollowUp

@Suite("Template load-time errors")
struct TemplateParseTests {
    private func errors(_ source: String, file: String = "t.txt") -> [TemplateError] {
        TestSupport.templateErrors { () throws(TemplateErrors) in try Template.parse(source, file: file) }
    }

    @Test func unclosedTagIsReportedWhereItStarts() throws {
        let found = errors("Hello\nDear {{first_name\nBye {{company}}")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.file == "t.txt")
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(error.message.contains("unclosed tag `{{first_name`"))
        #expect(error.description.hasPrefix("t.txt:2:6: unclosed tag"))
    }

    @Test func unclosedTagFollowedByAnotherTagOnTheSameLine() {
        let found = errors("A {{name {{company}}")
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:3"])
    }

    @Test func unknownBuiltinSuggestsTheClosestName() throws {
        let found = errors("Hi\n  {{sender.nmae}}")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message == "unknown built-in `sender.nmae`: did you mean `sender.name`?")
    }

    @Test func dottedNameFarFromAnyBuiltinListsThemAll() throws {
        let error = try #require(errors("{{company.website}}").first)
        #expect(error.message.contains("built-ins are `sender.name`"))
    }

    @Test func nameWithoutDotThatIsNotABuiltinIsAField() throws {
        let template = try Template.parse("{{stepz}} {{step}}", file: "t.txt")
        #expect(template.fieldNames == ["stepz"])
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in
            try template.render(TestSupport.context([:]))
        }
        #expect(found.map(\.message) == ["field `stepz` is missing for ana@example.com and has no fallback"])
    }

    @Test func unmatchedCloseIsReported() throws {
        let error = try #require(errors("Hi {{/if}} there").first)
        #expect((error.line, error.column) == (1, 4))
        #expect(error.message.contains("`{{/if}}` without a matching `{{#if}}`"))
    }

    @Test func elseOutsideBlockIsReported() throws {
        let error = try #require(errors("a\n\n x{{ else }}").first)
        #expect((error.line, error.column) == (3, 3))
        #expect(error.message.contains("`{{else}}` outside"))
    }

    @Test func secondElseIsReported() throws {
        let error = try #require(errors("{{#if a}}1{{else}}2{{else}}3{{/if}}").first)
        #expect((error.line, error.column) == (1, 20))
        #expect(error.message.contains("second `{{else}}`"))
    }

    @Test func ifWithoutCloseIsReportedAtTheOpeningTag() throws {
        let found = errors("x\n{{#if company}}\n  {{#if first_name}}A{{/if}}\nend")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.contains("`{{#if company}}` is never closed"))
    }

    @Test func emptyTagsAreReported() {
        let found = errors("a {{}} b {{   }}")
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:3", "1:10"])
        #expect(found.allSatisfy { $0.message.hasPrefix("empty tag") })
    }

    @Test func ifWithoutNameAndUnknownBlocksAreReported() {
        let found = errors("{{#if}}x{{/if}}\n{{#each items}}\n{{/each}}")
        #expect(found.count == 3)
        #expect(found.map(\.line) == [1, 2, 3])
        #expect(found[0].message.contains("needs a field name"))
        #expect(found[1].message.contains("unknown block"))
        #expect(found[2].message.contains("unknown closing tag"))
    }

    @Test func allErrorsOfAFileAreCollectedInOrder() {
        let found = errors("{{}}\nok {{/if}}\n{{sender.x}} and {{name\n{{#if a}}")
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:1", "2:4", "3:1", "3:18", "4:1"])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(errors("Zoë ✓ {{}}").first)
        #expect(error.column == 7)
    }

    @Test func crlfSourceCountsLinesOnce() throws {
        let error = try #require(errors("a\r\nb\r\n{{/if}}").first)
        #expect((error.line, error.column) == (3, 1))
    }

    @Test func commentsMaySpanLinesAndLinesAfterThemKeepCounting() throws {
        let error = try #require(errors("{{! a\nlong comment }}\n{{/if}}").first)
        #expect(error.line == 3)
    }

    @Test func unclosedCommentIsReported() throws {
        let error = try #require(errors("ok\n{{! forgot to close\nmore").first)
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.hasPrefix("unclosed comment"))
    }

    @Test func fieldNamesAreNormalisedAndListed() throws {
        let template = try Template.parse(
            "{{First Name}} {{ company | x }} {{#if Job-Title}}{{/if}} {{sender.name}}", file: "t.txt")
        #expect(template.fieldNames == ["company", "first_name", "job_title"])
    }
}
