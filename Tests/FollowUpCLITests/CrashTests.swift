import Foundation
import MailCore
import TestSupport
import Testing

/// Kills `followup send` with SIGKILL at random points and proves, by counting what the server
/// delivered, that every prospect still gets step 1 exactly once.
@Suite("Crash safety of send", .enabled(if: MailRig.isUsable), .serialized)
struct CrashTests {
    @Test("SIGKILL at random points: after restarts, every prospect received step 1 exactly once", arguments: [11, 29])
    func killedSendsNeverDuplicate(seed: UInt64) throws {
        let count = 300
        let campaign = try Campaign(prospects: (1...count).map { "p\($0)" }, steps: [("01-opening.txt", 0)])
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        var random = SplitMix64(seed: seed)
        var kills = 0
        for _ in 0..<5 {
            let process = try campaign.start(["send", "--now", "2026-12-01T09:00:00Z"])
            let delay = Double(random.next() % 600) / 1000.0 + 0.05
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        // A final, undisturbed run finishes the job.
        let final = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(final.status == 0, "\(final.stdout)\n\(final.stderr)")
        let again = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        #expect(again.stdout.hasPrefix("0 sent"))

        // Count per prospect what Postfix delivered into the prospect mailbox.
        // A kill while message data was going out leaves that one message held for review (its
        // outcome cannot be known for sure); every other prospect got step 1 exactly once.
        let status = try campaign.run(["status", "--json", "--now", "2026-12-01T09:00:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let held = (object["prospects"] as? [String: Int])?["needs_review"] ?? -1
        #expect((0...kills).contains(held), "at most one message in doubt per kill")
        var perProspect: [String: Int] = [:]
        let deadline = Date().addingTimeInterval(30)
        repeat {
            perProspect = [:]
            for message in MailRig.maildir(user: "prospect") {
                let parsed = MessageReader.parse(message)
                guard let to = parsed.to.first?.address, to.contains("+\(campaign.tag)-") else { continue }
                perProspect[to, default: 0] += 1
            }
            if perProspect.count >= count - held { break }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        #expect(kills >= 2, "the test must actually kill runs part-way")
        #expect(perProspect.count >= count - held, "every prospect not held got step 1 (killed \(kills) times, \(held) held)")
        let duplicates = perProspect.filter { $0.value > 1 }
        #expect(duplicates.isEmpty, "prospects that got step 1 more than once: \(duplicates.keys.sorted().prefix(5))")
    }
}
