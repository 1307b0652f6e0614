import Foundation
import MailCore
import Testing
import Triage

@Suite("Labelled corpus")
struct CorpusTests {
    @Test("the corpus is there and large enough")
    func corpusSize() {
        #expect(Corpus.files.count >= 200)
        for cls in Corpus.classes {
            #expect(Corpus.files.contains { $0.hasPrefix(cls + "/") }, "no files for \(cls)")
        }
    }

    @Test("every corpus message gets its class", arguments: Corpus.files)
    func classify(file: String) throws {
        let bytes = try #require(Corpus.bytes(file), "cannot read \(file)")
        let c = Corpus.classifier.classify(bytes: bytes)
        let problem = Corpus.mismatch(file, c)
        #expect(problem == nil, "\(file): \(problem ?? "") — explanation: \(c.explanation) — text: \(c.replyText ?? "-")")
        if let sidecar = Corpus.sidecar(file) {
            if sidecar.keys.contains("return_date") {
                #expect(c.autoReply?.returnDate == sidecar["return_date"] as? String, "\(file): return date \(c.autoReply?.returnDate ?? "nil")")
            }
            if let later = sidecar["later_date"] as? String {
                #expect(c.laterDate == later, "\(file): later date \(c.laterDate ?? "nil")")
            }
            if let referral = sidecar["referral_address"] as? String {
                #expect(c.referralAddress == referral, "\(file): referral \(c.referralAddress ?? "nil")")
            }
            if let recipients = sidecar["recipients"] as? [String] {
                #expect(c.bounce?.recipients == recipients, "\(file): recipients \(c.bounce?.recipients ?? [])")
            }
            if let status = sidecar["status"] as? String {
                #expect(c.bounce?.status == status, "\(file): status \(c.bounce?.status ?? "nil")")
            }
            if let address = sidecar["complaint_address"] as? String {
                #expect(c.complaintAddress == address, "\(file): complaint address \(c.complaintAddress ?? "nil")")
            }
        }
    }

    @Test("accuracy per class (printed), and no reply that is not a no/remove is ever closed")
    func accuracyTable() throws {
        var correct: [String: Int] = [:]
        var total: [String: Int] = [:]
        var wronglyClosed: [String] = []
        for file in Corpus.files {
            let cls = String(file.split(separator: "/").first ?? "")
            let bytes = try #require(Corpus.bytes(file))
            let c = Corpus.classifier.classify(bytes: bytes)
            total[cls, default: 0] += 1
            if Corpus.mismatch(file, c) == nil { correct[cls, default: 0] += 1 }
            if !["human-no", "human-remove"].contains(cls), c.intent == .no || c.intent == .remove { wronglyClosed.append(file) }
        }
        var lines = ["class               correct/total  accuracy"]
        for cls in Corpus.classes {
            let t = total[cls] ?? 0
            let ok = correct[cls] ?? 0
            let pct = t == 0 ? 0 : Double(ok) * 100 / Double(t)
            lines.append(cls.padding(toLength: 20, withPad: " ", startingAt: 0) + "\(ok)/\(t)".padding(toLength: 15, withPad: " ", startingAt: 0) + String(format: "%.1f%%", pct))
        }
        let all = total.values.reduce(0, +)
        let allOK = correct.values.reduce(0, +)
        lines.append("all".padding(toLength: 20, withPad: " ", startingAt: 0) + "\(allOK)/\(all)")
        print(lines.joined(separator: "\n"))
        #expect(wronglyClosed.isEmpty, "closed by mistake: \(wronglyClosed)")
        #expect(Double(allOK) >= Double(all) * 0.95)
    }
}
