import Foundation
import MailTransport
import TestSupport
import Testing

/// docs/json.md against the real outputs, both ways: every field a command prints is documented
/// with its type, and every documented field is printed by at least one of the runs below.
@Suite("docs/json.md matches every --json output", .enabled(if: MailRig.isUsable), .serialized)
struct JSONDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("status, poll, classify, triage list, suppress list and preview print exactly the documented fields")
    func documentedBothWays() throws {
        let documentation = try JSONDocumentation(markdown: String(contentsOf: Self.root.appendingPathComponent("docs/json.md"), encoding: .utf8))
        var outputs: [String: [JSONValue]] = [:]

        // A campaign with a no, a removal, an out-of-office and a question, polled once.
        let campaign = try Campaign(prospects: ["no", "bye", "away", "who", "quiet", "still"])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        let replies = [("no", "Re: hi", "", "No thanks, we are not interested."), ("bye", "Re: hi", "", "Please remove me from your list."),
                       ("away", "Automatic reply: hi", "Auto-Submitted: auto-replied\r\n", "I am out of the office until 14 December 2026."),
                       ("who", "Re: hi", "", "Who is this?\r\n\r\nOn Tue, 1 Dec 2026, Sam wrote:\r\n> Hi\r\n> there\r\n")]
        for (name, subject, extra, body) in replies {
            try MailRig.deliver("From: <\(campaign.address(name))>\r\nTo: <\(MailRig.sales)>\r\nSubject: \(subject)\r\n\(extra)"
                                + "Date: Tue, 01 Dec 2026 12:00:00 +0000\r\nMessage-ID: <\(name)-\(campaign.tag)@example.test>\r\n\r\n\(body)\r\n",
                                from: campaign.address(name), to: MailRig.sales)
        }
        // A spam complaint (an ARF report) about "quiet": poll warns about it.
        let complaint = """
            From: Abuse Desk <abuse@isp.example>\r\nTo: <\(MailRig.sales)>\r\nSubject: FW: hi\r\nDate: Tue, 01 Dec 2026 12:00:00 +0000\r
            Message-ID: <arf-\(campaign.tag)@example.test>\r\nMIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=feedback-report; boundary="arf"\r\n\r\n--arf\r
            Content-Type: text/plain\r\n\r\nAn abuse report.\r\n--arf\r\nContent-Type: message/feedback-report\r\n\r
            Feedback-Type: abuse\r\nUser-Agent: TestFBL/1.0\r\nVersion: 1\r\n\r\n--arf\r\nContent-Type: message/rfc822\r\n\r
            From: <\(MailRig.sales)>\r\nTo: <\(campaign.address("quiet"))>\r\nSubject: hi\r\n\r\nHello.\r\n--arf--\r\n
            """
        try MailRig.deliver(complaint, from: "abuse@isp.example", to: MailRig.sales)
        let inbox = try IMAPMailbox(server: MailRig.imap(user: MailRig.sales), mailbox: "INBOX")
        for name in replies.map(\.0) + ["arf"] { _ = try inbox.awaitMessage(messageID: "<\(name)-\(campaign.tag)@example.test>") }
        outputs["followup poll --json"] = [try json(campaign.run(["poll", "--json", "--now", "2026-12-01T13:00:00Z"]))]
        outputs["followup status --json"] = [try json(campaign.run(["status", "--json", "--now", "2026-12-01T13:00:00Z"])),
                                             try json(campaign.run(["status", "--json", "--prospects", "--now", "2026-12-01T13:00:00Z"]))]
        outputs["followup triage list --json"] = [try json(campaign.run(["triage", "list", "--all", "--json"]))]
        #expect(try campaign.run(["suppress", "add", "@blocked.example"]).status == 0)
        outputs["followup suppress list --json"] = [try json(campaign.run(["suppress", "list", "--json"]))]
        outputs["followup preview --format json"] = [try json(campaign.run(["preview", "--format", "json", "--days", "5", "--now", "2026-12-01T13:00:00Z"]))]

        // auth status after a device sign-in against the OAuth2 stand-in.
        let signingIn = try Campaign.signingInWithOAuth(prospects: ["a"])
        #expect(try signingIn.authLogin().status == 0)
        outputs["followup auth status --json"] = [try json(signingIn.run(["auth", "status", "--json"]))]

        // classify on every kind of message in the triage corpus.
        let corpus = Self.root.appendingPathComponent("Tests/TriageTests/Fixtures/corpus")
        var verdicts: [JSONValue] = []
        for kind in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() {
            let files = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(kind).path).filter { $0.hasSuffix(".eml") }.sorted()
            for file in files.prefix(12) {
                verdicts.append(try json(FollowUpBinary.run(["classify", corpus.appendingPathComponent(kind).appendingPathComponent(file).path, "--json"])))
            }
        }
        outputs["followup classify FILE --json"] = verdicts

        #expect(Set(outputs.keys) == Set(documentation.sections.keys), "every documented output is exercised, and only those")
        for (section, values) in outputs {
            let documented = try #require(documentation.sections[section], "\(section) is not in docs/json.md")
            var seen = Set<String>()
            for value in values {
                for (path, type) in value.fields() {
                    seen.insert(path)
                    guard let field = documented.match(path) else {
                        Issue.record("\(section): \(path) is printed but not documented")
                        continue
                    }
                    #expect(field.allows(type), "\(section): \(path) is \(type), documented as \(field.type)")
                    seen.insert(field.path)
                }
                // A field not marked optional is there whenever the object holding it is.
                for field in documented.fields where !field.optional && !field.path.contains("[]") && !field.path.contains("*") {
                    let parent = field.path.split(separator: ".").dropLast().joined(separator: ".")
                    if parent.isEmpty || value.has(parent), !value.has(field.path) {
                        Issue.record("\(section): \(field.path) is documented as always there, but missing")
                    }
                }
            }
            for field in documented.fields where !seen.contains(field.path) {
                Issue.record("\(section): \(field.path) is documented but never printed by the runs of this test")
            }
        }
    }

    func json(_ result: FollowUpBinary.Result) throws -> JSONValue {
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
    }
}

/// A parsed JSON document that keeps JSON's own types (true is not 1, 1 is not 1.0).
indirect enum JSONValue: Decodable {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Every field as (path, type), in the documentation's path notation. An array's object
    /// elements are not fields of their own: their members are (`changes[].prospect`).
    func fields(at path: String = "") -> [(String, String)] {
        let objectElement = path.hasSuffix("[]") && typeName == "object"
        var result: [(String, String)] = path.isEmpty || objectElement ? [] : [(path, typeName)]
        switch self {
        case .object(let members):
            for (key, value) in members { result += value.fields(at: path.isEmpty ? key : path + "." + key) }
        case .array(let elements):
            for element in elements { result += element.fields(at: path + "[]") }
        default:
            break
        }
        return result
    }

    /// True when the top-level path `path` (dotted, no arrays) is present.
    func has(_ path: String) -> Bool {
        var value = self
        for key in path.split(separator: ".") {
            guard case .object(let members) = value, let next = members[String(key)] else { return false }
            value = next
        }
        return true
    }
}

/// The field tables of docs/json.md, by section heading.
struct JSONDocumentation {
    struct Field {
        let path: String
        let type: String
        let optional: Bool

        /// Whether a printed value of JSON type `actual` fits the documented type.
        func allows(_ actual: String) -> Bool {
            let words = type.replacingOccurrences(of: "(optional)", with: "").split(separator: " ").map(String.init)
            return words.contains(actual) || (actual == "integer" && words.contains("number"))
        }
    }

    struct Section {
        var fields: [Field] = []

        /// The documented field for a printed path (`*` stands for any one key).
        func match(_ path: String) -> Field? {
            fields.first { field in
                let want = field.path.split(separator: ".", omittingEmptySubsequences: false)
                let have = path.split(separator: ".", omittingEmptySubsequences: false)
                return want.count == have.count && zip(want, have).allSatisfy { $0 == "*" || $0 == $1 }
            }
        }
    }

    var sections: [String: Section] = [:]

    init(markdown: String) {
        var current: String?
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("## ") {
                current = line.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: " `"))
                sections[current ?? ""] = Section()
                continue
            }
            guard let section = current, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let path = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            sections[section]?.fields.append(Field(path: path, type: cells[1], optional: cells[1].contains("(optional)")))
        }
    }
}
