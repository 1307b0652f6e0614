import Foundation
import Testing
import FollowUp

@Suite("Default sequence in Templates/ and the example prospects.csv")
struct DefaultSequenceTests {
    private let root = TestSupport.packageRoot

    private func loadSteps() throws -> [StepTemplate] {
        let directory = root.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let htmlURL = directory.appendingPathComponent(StepTemplate.htmlTwinName(for: name))
            let html = try? String(contentsOf: htmlURL, encoding: .utf8)
            return try StepTemplate.load(text: text, file: "Templates/" + name, htmlText: html)
        }
    }

    private func loadProspects() throws -> (rows: [ProspectRow], problems: [ImportProblem]) {
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("examples/prospects.csv")))
        return ProspectCSV.read(bytes: bytes, file: "prospects.csv")
    }

    @Test func fiveStepsOnlyTheFirstHasASubject() throws {
        let steps = try loadSteps()
        #expect(steps.map(\.file) == [
            "Templates/01-opening.txt", "Templates/02-follow-up.txt", "Templates/03-useful-point.txt",
            "Templates/04-short-case.txt", "Templates/05-permission-to-close.txt",
        ])
        #expect(steps.map { $0.subject != nil } == [true, false, false, false, false])
        #expect(steps.first?.subject?.fieldNames == ["company", "first_name"])
        #expect(steps.allSatisfy { Set($0.body.fieldNames).isSubset(of: ["first_name", "company"]) })
    }

    @Test func exampleProspectsImportCleanly() throws {
        let prospects = try loadProspects()
        #expect(prospects.problems.isEmpty)
        #expect(prospects.rows.count == 6)
        #expect(prospects.rows.contains { $0.timeZone == "Europe/Berlin" })
        #expect(prospects.rows.contains { $0.fields["first_name"] == "Zoë" })
    }

    @Test func everyStepRendersForEveryExampleProspect() throws {
        let steps = try loadSteps()
        let prospects = try loadProspects().rows
        #expect(!steps.isEmpty && !prospects.isEmpty)
        for (index, step) in steps.enumerated() {
            for prospect in prospects {
                let builtins = Builtins(
                    senderName: "Kira Moore", senderEmail: "kira@example.com",
                    senderPostalAddress: "1 Main Street, Springfield", step: index + 1, stepsTotal: steps.count,
                    attempts: index, daysSinceFirst: index * 3,
                    unsubscribeLine: "Not for you? Reply \"unsubscribe\" and you won't hear from me again.")
                let context = RenderContext(prospectEmail: prospect.email, fields: prospect.fields, builtins: builtins)
                let rendered: RenderedStep
                do {
                    rendered = try step.render(context)
                } catch {
                    Issue.record("\(step.file) for \(prospect.email): \(error)")
                    continue
                }
                #expect(rendered.text.hasPrefix("Hi \(prospect.fields["first_name"] ?? "?"),\n"))
                #expect(rendered.text.hasSuffix("1 Main Street, Springfield\n\n\(builtins.unsubscribeLine)\n"))
                #expect(!rendered.text.contains("{{") && !rendered.text.contains("\r"))
                if index == 0 {
                    let subject = try #require(rendered.subject)
                    #expect(subject.contains(prospect.fields["company"] ?? "?"))
                }
            }
        }
    }

    @Test func lastStepAsksPermissionToClose() throws {
        let last = try #require(try loadSteps().last)
        let text = try last.render(TestSupport.context(["first_name": "Ana", "company": "Acme"], step: 5)).text
        #expect(text.contains("don't want to keep\nbothering you"))
        #expect(text.contains("take you off my list"))
        #expect(text.contains("keep trying"))
    }
}
