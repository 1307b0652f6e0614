import Foundation
import MailCore
import Triage

/// The labelled corpus under Fixtures/corpus/<class>/<name>.eml with optional <name>.json sidecars.
enum Corpus {
    static let classes = [
        "bounce-permanent", "bounce-temporary", "auto-reply", "complaint", "human-no", "human-remove", "human-positive", "human-later",
        "human-referral", "human-unclear",
    ]

    static var root: URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("corpus")
    }

    /// "class/name.eml" for every corpus message, sorted.
    static let files: [String] = {
        guard let root else { return [] }
        var result: [String] = []
        for cls in classes {
            let dir = root.appendingPathComponent(cls)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            result += names.filter { $0.hasSuffix(".eml") }.sorted().map { "\(cls)/\($0)" }
        }
        return result
    }()

    static func bytes(_ file: String) -> [UInt8]? {
        guard let root, let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) else { return nil }
        return [UInt8](data)
    }

    /// The sidecar JSON object, if any.
    static func sidecar(_ file: String) -> [String: Any]? {
        guard let root else { return nil }
        let path = root.appendingPathComponent(String(file.dropLast(4)) + ".json").path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    static let classifier = ReplyClassifier(ownAddresses: ["kira@example.com"], unsubscribeAddress: "kira+unsubscribe@example.com")

    /// nil when the classification matches the file's class, else what went wrong.
    static func mismatch(_ file: String, _ c: Classification) -> String? {
        let cls = String(file.split(separator: "/").first ?? "")
        switch cls {
        case "bounce-permanent":
            guard c.kind == .bounce, let b = c.bounce else { return "expected bounce, got \(c.kind.rawValue)" }
            return b.permanent ? nil : "expected permanent bounce: \(b.reason)"
        case "bounce-temporary":
            guard c.kind == .bounce, let b = c.bounce else { return "expected bounce, got \(c.kind.rawValue)" }
            return b.permanent ? "expected temporary bounce: \(b.reason)" : nil
        case "auto-reply":
            return c.kind == .autoReply ? nil : "expected auto_reply, got \(c.kind.rawValue)"
        case "complaint":
            return c.kind == .complaint ? nil : "expected complaint, got \(c.kind.rawValue)"
        default:
            let want = String(cls.dropFirst("human-".count))
            guard c.kind == .human else { return "expected human, got \(c.kind.rawValue)" }
            return c.intent?.rawValue == want ? nil : "expected \(want), got \(c.intent?.rawValue ?? "nil")"
        }
    }
}
