import Testing
import FollowUp

@Suite("Template rendering")
struct TemplateRenderTests {
    private func render(_ source: String, _ fields: [String: String], html: Bool = false) throws -> String {
        try Template.parse(source, file: "t.txt").render(TestSupport.context(fields), escapeHTML: html)
    }

    @Test func fieldsWithAndWithoutSpacesInTheTag() throws {
        #expect(try render("Hi {{first_name}} / {{ first_name }}!", ["first_name": "Ana"]) == "Hi Ana / Ana!")
    }

    @Test func headerStyleNamesMatchNormalisedFields() throws {
        #expect(try render("{{First Name}}", ["first_name": "Ana"]) == "Ana")
        #expect(try render("{{first_name}}", ["First Name": "Ana"]) == "Ana")
    }

    @Test func fallbackIsUsedForMissingOrBlankFieldsOnly() throws {
        let source = "at {{company|your team}}."
        #expect(try render(source, [:]) == "at your team.")
        #expect(try render(source, ["company": "   "]) == "at your team.")
        #expect(try render(source, ["company": " Acme "]) == "at Acme.")
        #expect(try render("[{{company|}}]", [:]) == "[]")
    }

    @Test func conditionalWithElse() throws {
        let source = "{{#if company}}at {{company}}{{else}}at your place{{/if}}"
        #expect(try render(source, ["company": "Acme"]) == "at Acme")
        #expect(try render(source, ["company": " \t"]) == "at your place")
        #expect(try render(source, [:]) == "at your place")
    }

    @Test func nestedConditionals() throws {
        let source = "{{#if a}}A{{#if b}}B{{else}}-b{{/if}}{{else}}{{#if b}}only B{{/if}}{{/if}}"
        #expect(try render(source, ["a": "1", "b": "1"]) == "AB")
        #expect(try render(source, ["a": "1"]) == "A-b")
        #expect(try render(source, ["b": "1"]) == "only B")
        #expect(try render(source, [:]) == "")
    }

    @Test func fieldsInTheBranchNotTakenAreNotRequired() throws {
        #expect(try render("{{#if company}}{{company}}{{else}}you{{/if}}", [:]) == "you")
    }

    @Test func blockAndCommentTagsAloneOnALineLeaveNoBlankLine() throws {
        let source = "Hi\n{{! note }}\n  {{#if company}}\nat {{company}}\n{{else}}\nanywhere\n{{/if}}\nBye\n"
        #expect(try render(source, ["company": "Acme"]) == "Hi\nat Acme\nBye\n")
        #expect(try render(source, [:]) == "Hi\nanywhere\nBye\n")
    }

    @Test func commentsRenderNothing() throws {
        #expect(try render("a{{! hidden }}b", [:]) == "ab")
    }

    @Test func builtinsRender() throws {
        let source = "{{sender.name}}|{{sender.email}}|{{sender.postal_address}}|{{step}}/{{steps_total}}|"
            + "{{attempts}}|{{days_since_first}}|{{unsubscribe_line}}"
        #expect(try render(source, [:]) == "Kira Moore|kira@example.com|1 Main Street, Springfield|2/5|1|7|"
            + "Reply \"remove\" and I won't write again.")
    }

    @Test func plainTextIsNeverEscaped() throws {
        #expect(try render("{{company}} <b>", ["company": "Okafor & Sons <x> \"q\" 'a'"])
            == "Okafor & Sons <x> \"q\" 'a' <b>")
    }

    @Test func htmlEscapesValuesButNotTheTemplateMarkup() throws {
        let output = try render(
            "<p class=\"x\">{{company}} {{unsubscribe_line}}</p>", ["company": "Okafor & Sons <x> \"q\" 'a'"],
            html: true)
        #expect(output == "<p class=\"x\">Okafor &amp; Sons &lt;x&gt; &quot;q&quot; &#39;a&#39; "
            + "Reply &quot;remove&quot; and I won&#39;t write again.</p>")
    }

    @Test func missingFieldErrorNamesFileLineColumnFieldAndProspect() throws {
        let template = try Template.parse("Hi,\n\nThanks {{company}}", file: "Templates/02-follow-up.txt")
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in
            try template.render(TestSupport.context([:]))
        }
        let error = try #require(found.first)
        #expect(error.prospect == "ana@example.com")
        #expect(error.description
            == "Templates/02-follow-up.txt:3:8: field `company` is missing for ana@example.com and has no fallback")
    }

    @Test func emptyFieldIsAnErrorToo() throws {
        let template = try Template.parse("{{company}}", file: "t.txt")
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in
            try template.render(TestSupport.context(["company": " "]))
        }
        #expect(found.map(\.message) == ["field `company` is empty for ana@example.com and has no fallback"])
    }

    @Test func everyMissingFieldIsReported() throws {
        let template = try Template.parse("{{first_name}} {{company}}\n{{city}} {{present}}", file: "t.txt")
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in
            try template.render(TestSupport.context(["present": "yes"]))
        }
        #expect(found.count == 3)
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:1", "1:16", "2:1"])
        #expect(found.map(\.message).allSatisfy { $0.contains("ana@example.com") })
    }

    @Test func emptyBuiltinWithoutFallbackIsAnError() throws {
        let template = try Template.parse("{{unsubscribe_line}}{{sender.name|Kira}}", file: "t.txt")
        let context = RenderContext(
            prospectEmail: "ana@example.com", fields: [:], builtins: TestSupport.builtins(unsubscribe: ""))
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in try template.render(context) }
        #expect(found.map(\.message) == ["built-in `unsubscribe_line` is empty for ana@example.com and has no fallback"])
    }

    @Test func bodyLineEndingsBecomeLF() throws {
        #expect(try render("a\r\nb\rc {{notes}}\r\n", ["notes": "x\r\ny"]) == "a\nb\nc x\ny\n")
    }

    @Test func valuesAreNotReinterpretedAsTags() throws {
        #expect(try render("{{company}}", ["company": "{{sender.name}}"]) == "{{sender.name}}")
    }
}
