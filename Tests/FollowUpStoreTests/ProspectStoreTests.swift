import FollowUp
@testable import FollowUpStore
import Foundation
import Testing

@Suite("The SQLite store")
struct ProspectStoreTests {
    func freshPath() -> String {
        NSTemporaryDirectory() + "store-\(UUID().uuidString).sqlite"
    }

    @Test("a file that is not a database is refused with SQLite's result code (SQLITE_NOTADB)")
    func notADatabase() throws {
        let path = freshPath()
        try Data(String(repeating: "not a database at all\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: StoreError.self) { try SQLiteProspectStore(path: path) }
        #expect(error?.resultCode == 26, "\(String(describing: error))")
        #expect(error?.description.contains(path) == true)
    }

    func row(_ line: Int, _ email: String, _ fields: [String: String] = ["first_name": "Ana"], zone: String? = nil) -> ProspectRow {
        ProspectRow(line: line, email: email, identity: email.lowercased(), fields: fields, timeZone: zone, multilineFields: [])
    }

    @Test("a new store is private, migrated, and has a stable secret")
    func newStore() throws {
        let path = freshPath()
        let store = try SQLiteProspectStore(path: path)
        #expect(try store.schemaVersion() == Migrations.all.count)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let secret = try store.secret()
        #expect(secret.count >= 32)
        #expect(try SQLiteProspectStore(path: path).secret() == secret)
        #expect(try SQLiteProspectStore(path: freshPath()).secret() != secret)
    }

    @Test("import adds, updates and leaves unchanged")
    func importAndUpdate() throws {
        let store = try SQLiteProspectStore(path: freshPath())
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try store.importProspects([row(2, "Ana@Example.com"), row(3, "ben@example.com", ["first_name": ""])], at: date)
        #expect(first.added == 2)
        let again = try store.importProspects([row(2, "ana@example.com", ["first_name": "Ana", "company": "Acme"]), row(3, "ben@example.com", ["first_name": ""])], at: date)
        #expect(again.updated == 1 && again.unchanged == 1 && again.added == 0)
        let enrolled = try store.enrolledProspects()
        #expect(enrolled.count == 2)
        #expect(enrolled[0].0.fields == ["first_name": "Ana", "company": "Acme"])
        #expect(enrolled[0].0.email == "ana@example.com")
        #expect(enrolled[1].0.fields == ["first_name": ""])
        #expect(enrolled[0].1.nextStep == 1 && enrolled[0].1.attempts == 0 && enrolled[0].1.enrolledAt == date)
    }

    @Test("suppressed and closed prospects are never revived by a re-import")
    func neverRevive() throws {
        let store = try SQLiteProspectStore(path: freshPath())
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        try store.addSuppression("@blocked.example", reason: "test", at: date)
        _ = try store.importProspects([row(2, "ana@example.com"), row(3, "cy@blocked.example")], at: date)
        try store.database.run("UPDATE prospects SET state = 'closed_no' WHERE identity = 'ana@example.com'")
        let summary = try store.importProspects([row(2, "ana@example.com", ["first_name": "Ana B"]), row(3, "cy@blocked.example")], at: date)
        #expect(summary.keptOut == 2 && summary.added == 0)
        let states = try store.database.query("SELECT identity, state FROM prospects ORDER BY id") { ($0.text(0) ?? "", $0.text(1) ?? "") }
        #expect(states.map(\.1) == ["closed_no", "unsubscribed"])
        #expect(try store.enrolledProspects().map(\.0.identity) == ["ana@example.com"])
    }

    @Test("an import that fails half-way leaves nothing behind")
    func allOrNothing() throws {
        let store = try SQLiteProspectStore(path: freshPath())
        try store.database.execute("CREATE TRIGGER fail_second BEFORE INSERT ON prospects WHEN NEW.identity = 'boom@example.com' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        #expect(throws: StoreError.self) {
            try store.importProspects([row(2, "ana@example.com"), row(3, "boom@example.com")], at: Date(timeIntervalSince1970: 1_800_000_000))
        }
        #expect(try store.enrolledProspects().isEmpty)
    }

    @Test("suppression patterns match addresses and whole domains, case-insensitively")
    func suppressionList() {
        let list = SuppressionList(["Ana@Example.com", "@spam.example"])
        #expect(list.contains("ana@example.COM"))
        #expect(list.match("zed@SPAM.example") == "@spam.example")
        #expect(!list.contains("ana@example.org"))
        #expect(SuppressionList.pattern(from: " @Example.ORG ") == "@example.org")
        #expect(SuppressionList.pattern(from: "not an address") == nil)
    }
}

@Suite("Stored template fields")
struct FieldsCodingTests {
    @Test("fields survive encoding and the fast decoder, escapes and all", arguments: [
        [:], ["first_name": "Zoë"], ["a": "quote \" backslash \\ slash / tab \t line\nbreak", "emoji": "🎉 and \u{1}"],
        ["company": "Ferretería García, S.L.", "k": ""],
    ] as [[String: String]])
    func roundTrip(fields: [String: String]) {
        let text = FieldsCoding.encode(fields)
        #expect(FlatJSON.object(Array(text.utf8)) == fields)
        #expect(FieldsCoding.decode(text) == fields)
    }

    @Test("malformed text is refused by the fast path, never trapped on", arguments: ["", "{", "{\"a\":1}", "{\"a\":\"b\"", "[\"a\"]", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\"}"])
    func malformed(text: String) {
        #expect(FlatJSON.object(Array(text.utf8)) == nil)
    }
}

@Suite("Held messages")
struct HeldMessageTests {
    @Test("a held message settled as sent moves the prospect on; as not sent, it can go out again")
    func settle() throws {
        let store = try SQLiteProspectStore(path: NSTemporaryDirectory() + "held-\(UUID().uuidString).sqlite")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try store.importProspects([ProspectRow(line: 2, email: "a@example.com", identity: "a@example.com", fields: [:], timeZone: nil, multilineFields: []),
                                       ProspectRow(line: 3, email: "b@example.com", identity: "b@example.com", fields: [:], timeZone: nil, multilineFields: [])], at: now)
        for (id, email) in [(Int64(1), "a@example.com"), (2, "b@example.com")] {
            let message = ComposedMessage(identity: email, recipient: email, envelopeFrom: "k@example.com", step: 1, attempt: 1,
                                          messageID: "m\(id)@example.com", subject: "Hi", date: now, bytes: [])
            #expect(try store.recordIntent(message, prospectID: id, plannedAt: now, at: now))
            let record = try #require(try store.inDoubtMessages().first { $0.prospectID == id })
            try store.recordTransmitting(record, at: now)
            try store.holdForReview(record, reason: "no copy", at: now)
        }
        #expect(try store.heldMessages().count == 2)
        #expect(try store.freshState(of: 1)?.state == .needsReview)
        #expect(try store.settleHeld(messageID: "m1@example.com", delivered: true, at: now))
        #expect(try store.settleHeld(messageID: "m2@example.com", delivered: false, at: now))
        #expect(try store.freshState(of: 1)?.state == .active && store.freshState(of: 1)?.attempts == 1)
        #expect(try store.freshState(of: 2)?.state == .active && store.freshState(of: 2)?.attempts == 0)
        #expect(try store.heldMessages().isEmpty)
        #expect(try !store.settleHeld(messageID: "m1@example.com", delivered: true, at: now))
    }
}
