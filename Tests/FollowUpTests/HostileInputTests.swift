import FollowUp
import Foundation
import Testing

/// Seeded mutations of valid inputs: every one must come back as a value or an error, never a
/// trap or a hang. (Any crash found becomes a fixture of its own.)
@Suite("Hostile input to the CSV reader and the template parser")
struct HostileInputTests {
    /// A small deterministic generator (xorshift64*), so every run tries the same inputs.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let alphabet: [UInt8] = Array("\",;\t\r\n{}|#!/ifelse@.a\u{0}".utf8) + [0xC3, 0xA9, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF]

    func mutate(_ seed: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + generator.below(8)) {
            switch generator.below(4) {
            case 0 where !bytes.isEmpty: bytes.remove(at: generator.below(bytes.count))
            case 1: bytes.insert(Self.alphabet[generator.below(Self.alphabet.count)], at: generator.below(bytes.count + 1))
            case 2 where !bytes.isEmpty: bytes[generator.below(bytes.count)] = UInt8(truncatingIfNeeded: generator.next())
            default:
                if !bytes.isEmpty {
                    let start = generator.below(bytes.count)
                    let end = min(bytes.count, start + generator.below(40))
                    bytes.insert(contentsOf: bytes[start..<end], at: generator.below(bytes.count + 1))
                }
            }
        }
        return bytes
    }

    @Test("5,000 mutated CSV files each give rows or problems", arguments: [UInt64(3), 17])
    func csv(seed: UInt64) {
        let valid = Array("email,first_name,company\r\nana@example.com,Ana,\"Acme, Inc.\"\r\nben@example.org,\"Ben \"\"B\"\"\",\"multi\nline\"\r\n".utf8)
        var generator = Generator(state: seed)
        var rows = 0, problems = 0
        for _ in 0..<2_500 {
            let result = ProspectCSV.read(bytes: mutate(valid, &generator), file: "fuzz.csv")
            rows += result.rows.count
            problems += result.problems.count
            #expect(result.problems.allSatisfy { $0.line >= 1 })
        }
        #expect(rows > 0 && problems > 0, "the mutations must exercise both paths")
    }

    @Test("5,000 mutated templates each parse and render or report errors", arguments: [UInt64(5), 23])
    func templates(seed: UInt64) {
        let valid = Array("subject: Hi {{first_name}}\n---\n{{! note }}Hello {{first_name|there}},\n{{#if company}}At {{company}}{{else}}Hi{{/if}}\n{{sender.name}}\n{{unsubscribe_line}}\n".utf8)
        let builtins = Builtins(senderName: "Kira", senderEmail: "kira@example.com", senderPostalAddress: "1 Main St", step: 1,
                                stepsTotal: 3, attempts: 0, daysSinceFirst: 0, unsubscribeLine: "Reply unsubscribe.")
        let context = RenderContext(prospectEmail: "ana@example.com", fields: ["first_name": "Ana", "company": "Acme"], builtins: builtins)
        var generator = Generator(state: seed)
        var rendered = 0, refused = 0
        for _ in 0..<2_500 {
            let text = String(decoding: mutate(valid, &generator), as: UTF8.self)
            do {
                let template = try StepTemplate.load(text: text, file: "fuzz.txt", htmlText: nil)
                _ = try template.render(context)
                rendered += 1
            } catch {
                refused += 1
                #expect(!error.errors.isEmpty)
            }
        }
        #expect(rendered > 0 && refused > 0, "the mutations must exercise both paths")
    }

    @Test("pathological shapes stay bounded: deep nesting, a huge field, a million columns")
    func pathological() throws {
        let deep = "---\n" + String(repeating: "{{#if a}}", count: 5_000) + "x" + String(repeating: "{{/if}}", count: 5_000)
        #expect(throws: TemplateErrors.self) { try StepTemplate.load(text: deep, file: "deep.txt", htmlText: nil) }
        let unclosed = "---\n" + String(repeating: "{{", count: 100_000)
        #expect(throws: TemplateErrors.self) { try StepTemplate.load(text: unclosed, file: "open.txt", htmlText: nil) }
        let wide = Array(("email" + String(repeating: ",c", count: 200_000) + "\nana@example.com\n").utf8)
        let result = ProspectCSV.read(bytes: wide, file: "wide.csv")
        #expect(!result.problems.isEmpty)
        let huge = Array(("email,note\nana@example.com,\"" + String(repeating: "x", count: 3_000_000) + "\"\n").utf8)
        #expect(!ProspectCSV.read(bytes: huge, file: "huge.csv").problems.isEmpty)
    }
}
