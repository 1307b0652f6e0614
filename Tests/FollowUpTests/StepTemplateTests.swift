import Testing
import FollowUp

@Suite("Step template files")
struct StepTemplateTests {
    private func loadErrors(_ text: String, html: String? = nil, file: String = "Templates/01-x.txt") -> [TemplateError] {
        TestSupport.templateErrors { () throws(TemplateErrors) in
            try StepTemplate.load(text: text, file: file, htmlText: html)
        }
    }

    @Test func headerSubjectAndBody() throws {
        let step = try StepTemplate.load(
            text: "subject: Hi {{first_name}}\n---\nHello {{first_name}},\nbye\n", file: "a.txt", htmlText: nil)
        let rendered = try step.render(TestSupport.context(["first_name": "Zoë"]))
        #expect(rendered == RenderedStep(subject: "Hi Zoë", text: "Hello Zoë,\nbye\n", html: nil))
    }

    @Test func noSubjectMeansReplyInThread() throws {
        let step = try StepTemplate.load(text: "---\nStill there?\n", file: "a.txt", htmlText: nil)
        #expect(step.subject == nil)
        #expect(try step.render(TestSupport.context([:])).subject == nil)
    }

    @Test func crlfFilesAndBOMAreAccepted() throws {
        let step = try StepTemplate.load(
            text: "\u{FEFF}Subject: Hello\r\n\r\n---\r\nLine 1\r\nLine 2\r\n", file: "a.txt", htmlText: nil)
        let rendered = try step.render(TestSupport.context([:]))
        #expect(rendered.subject == "Hello")
        #expect(rendered.text == "Line 1\nLine 2\n")
    }

    @Test func missingSeparatorIsAnError() throws {
        let error = try #require(loadErrors("subject: Hi\nHello").first)
        #expect((error.file, error.line, error.column) == ("Templates/01-x.txt", 1, 1))
        #expect(error.message.contains("no `---` line"))
    }

    @Test func headerProblemsAreAllReported() {
        let found = loadErrors("subject: A\nfrom: me\nnonsense\nsubject: B\n---\nbody")
        #expect(found.map(\.line) == [2, 3, 4])
        #expect(found[0].message.contains("unknown header `from`"))
        #expect(found[1].message.contains("is not `key: value`"))
        #expect(found[2].message.contains("set twice"))
    }

    @Test func emptySubjectIsAnError() throws {
        let error = try #require(loadErrors("subject:   \n---\nbody").first)
        #expect(error.message.contains("`subject:` is empty"))
    }

    @Test func subjectErrorsPointIntoTheHeaderLine() throws {
        let error = try #require(loadErrors("subject: Hi {{sender.nmae}}\n---\nbody").first)
        #expect((error.line, error.column) == (1, 13))
    }

    @Test func bodyErrorsCountTheHeaderLines() throws {
        let found = loadErrors("subject: Hi\n\n---\nHello\n  {{/if}}\n", html: "<p>{{#if a}}</p>\n")
        #expect(found.count == 2)
        #expect(found.map(\.description) == [
            "Templates/01-x.txt:5:3: `{{/if}}` without a matching `{{#if}}`",
            "Templates/01-x.html:1:4: `{{#if a}}` is never closed: add `{{/if}}`",
        ])
    }

    @Test func htmlTwinName() {
        #expect(StepTemplate.htmlTwinName(for: "Templates/02-follow-up.txt") == "Templates/02-follow-up.html")
        #expect(StepTemplate.htmlTwinName(for: "step") == "step.html")
    }

    @Test func htmlTwinIsEscapedAndTextIsNot() throws {
        let step = try StepTemplate.load(
            text: "subject: For {{company}}\n---\nHi {{company}}\n", file: "a.txt",
            htmlText: "<p>Hi {{company}}</p>\n")
        let rendered = try step.render(TestSupport.context(["company": "Okafor & Sons"]))
        #expect(rendered.subject == "For Okafor & Sons")
        #expect(rendered.text == "Hi Okafor & Sons\n")
        #expect(rendered.html == "<p>Hi Okafor &amp; Sons</p>\n")
    }

    @Test func lineBreakInAFieldUsedInTheSubjectIsRejected() throws {
        let step = try StepTemplate.load(
            text: "subject: About {{company}}\n---\n{{company}}\n", file: "a.txt", htmlText: nil)
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in
            try step.render(TestSupport.context(["company": "Acme\r\nBcc: victim@example.net"], email: "x@example.com"))
        }
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect((error.line, error.column) == (1, 16))
        #expect(error.prospect == "x@example.com")
        #expect(error.message.contains("field `company`"))
        #expect(error.message.contains("x@example.com"))
        #expect(error.message.contains("line break"))
    }

    @Test func lineBreakInABodyFieldIsFine() throws {
        let step = try StepTemplate.load(
            text: "subject: Hello\n---\n{{notes}}\n", file: "a.txt", htmlText: nil)
        #expect(try step.render(TestSupport.context(["notes": "a\r\nb"])).text == "a\nb\n")
    }

    @Test func renderCollectsErrorsFromSubjectTextAndHTML() throws {
        let step = try StepTemplate.load(
            text: "subject: {{a}}\n---\n{{b}} {{c}}\n", file: "a.txt", htmlText: "{{d}}")
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in
            try step.render(TestSupport.context([:]))
        }
        #expect(found.map(\.message).map { $0.prefix(9) } == ["field `a`", "field `b`", "field `c`", "field `d`"])
        #expect(found.map(\.file) == ["a.txt", "a.txt", "a.txt", "a.html"])
    }

    @Test func subjectThatRendersEmptyIsAnError() throws {
        let step = try StepTemplate.load(text: "subject: {{company|}}\n---\nx", file: "a.txt", htmlText: nil)
        let found = TestSupport.templateErrors { () throws(TemplateErrors) in
            try step.render(TestSupport.context([:]))
        }
        #expect(found.map(\.message) == ["the subject renders empty for ana@example.com"])
    }
}
