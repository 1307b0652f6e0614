import FaultProxy
import Foundation
import MailCore
import MailTransport
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
        for round in 0..<5 {
            let process = try campaign.start(["send", "--now", "2026-12-01T09:00:00Z"])
            // The first two kills come early, so they land part-way however fast this machine sends.
            let delay = Double(random.next() % (round < 2 ? 200 : 600)) / 1000.0 + 0.05
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        // A final, undisturbed run finishes the job.
        let final = try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"])
        // Exit 3 only when a message killed mid-data is now held for review (done in part).
        #expect(final.status == 0 || (final.status == 3 && final.stdout.contains("held for review")), "\(final.stdout)\n\(final.stderr)")
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

/// Imports killed part-way and a store copied mid-run, as after a power cut.
@Suite("Crash safety of import and of the store file")
struct StoreCrashTests {
    func campaignWithRows(_ count: Int) throws -> String {
        let directory = try FollowUpBinary.temporaryDirectory("import-kill")
        _ = try FollowUpBinary.run(["init", directory])
        var csv = "email,first_name,company\n"
        for index in 0..<count { csv += "p\(index)@example.com,P\(index),Co \(index)\n" }
        try csv.write(toFile: directory + "/big.csv", atomically: true, encoding: .utf8)
        return directory
    }

    /// Starts `followup import big.csv` in `directory`, output discarded, without waiting for it.
    func startImport(in directory: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FollowUpBinary.path)
        process.arguments = ["import", "big.csv"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = FollowUpBinary.childEnvironment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func count(_ directory: String) throws -> Int {
        let result = try FollowUpBinary.run(["status", "--json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (object["prospects"] as? [String: Int])?.values.reduce(0, +) ?? -1
    }

    @Test("an import killed at random points is all or nothing, and the store stays sound")
    func killedImport() throws {
        // Time one uninterrupted import, then kill others at random points across that time.
        let reference = try campaignWithRows(8_000)
        let started = Date()
        #expect(try FollowUpBinary.run(["import", "big.csv"], in: reference).status == 0)
        let duration = Date().timeIntervalSince(started)
        let directory = try campaignWithRows(8_000)
        var random = SplitMix64(seed: 7)
        var partial = 0
        for _ in 0..<6 {
            let process = try startImport(in: directory)
            Thread.sleep(forTimeInterval: duration * Double(random.next() % 1000) / 1000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let seen = try count(directory)
            #expect(seen == 0 || seen == 8_000, "an import is never half-applied (saw \(seen))")
            if seen == 0 { partial += 1 }
        }
        #expect(try FollowUpBinary.run(["import", "big.csv"], in: directory).status == 0)
        #expect(try count(directory) == 8_000)
        let doctor = try FollowUpBinary.run(["doctor"], in: directory)
        #expect(doctor.stdout.contains("ok   store"), "\(doctor.stdout)")
    }

    @Test("a copy of the store taken while it is written (a power cut) opens and recovers")
    func powerCut() throws {
        let directory = try campaignWithRows(8_000)
        let process = try startImport(in: directory)
        Thread.sleep(forTimeInterval: 0.15)
        // Copy the files as they are on disk at this instant: the last writes may be missing.
        let copy = try FollowUpBinary.temporaryDirectory("power-cut")
        _ = try FollowUpBinary.run(["init", copy])
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: directory + "/followup.sqlite" + suffix) {
            try? FileManager.default.copyItem(atPath: directory + "/followup.sqlite" + suffix, toPath: copy + "/followup.sqlite" + suffix)
        }
        process.waitUntilExit()
        let seen = try count(copy)
        #expect(seen == 0 || seen == 8_000, "the copy holds all of the import or none of it (saw \(seen))")
        let doctor = try FollowUpBinary.run(["doctor"], in: copy)
        #expect(doctor.stdout.contains("ok   store") || !FileManager.default.fileExists(atPath: copy + "/followup.sqlite"), "\(doctor.stdout)")
        #expect(try FollowUpBinary.run(["import", "big.csv"], in: directory).stdout.contains("8000 unchanged"))
    }
}

/// Kills `followup poll` with SIGKILL at random points while it works through many replies, and
/// proves that after restarts every reply was applied exactly once and the store is sound.
@Suite("Crash safety of poll", .enabled(if: MailRig.isUsable), .serialized)
struct PollCrashTests {
    /// A mailbox of its own, so the first poll reads this test's replies and little else.
    static let poller = "poller@example.test"

    @Test("SIGKILL at random points: after restarts, every reply is recorded and applied exactly once", arguments: [5, 23])
    func killedPollsNeverDoubleProcess(seed: UInt64) throws {
        let count = 150
        let names = (1...count).map { "r\($0)" }
        // Every answer to a FETCH is held back a little, so a poll takes long enough to be killed part-way.
        let proxy = try FaultProxy(upstreamPort: MailRig.imapPort)
        defer { proxy.stop() }
        // A poll reads the headers first (one command for all 150, one held-back answer), then
        // fetches whole 50 messages per command, so each batch costs one more: the headers and three
        // batches take about three seconds, longer than any wait before a kill.
        proxy.setRules([FaultRule(name: "slow fetch", trigger: .imapCommand("UID FETCH"), action: .delay(milliseconds: 700))])
        let campaign = try Campaign(prospects: names, steps: [("01-opening.txt", 0), ("02-follow-up.txt", 3)],
                                    imapURL: "imap://127.0.0.1:\(proxy.port)", imapUser: Self.poller)
        #expect(try campaign.run(["import", "prospects.csv", "--now", "2026-12-01T09:00:00Z"]).status == 0)
        #expect(try campaign.run(["send", "--now", "2026-12-01T09:00:00Z"]).stdout.hasPrefix("\(count) sent"))
        // Alternate a no, a yes and an out-of-office, so the outcomes differ per prospect.
        MailRig.emptyInbox(user: "poller")
        let inbox = try IMAPMailbox(server: MailRig.imap(user: Self.poller), mailbox: "INBOX")
        let texts = ["No thanks, we are not interested.", "Yes, interested! Let's talk on Friday.",
                     "I am out of the office until Monday 14 December 2026 with no access to email."]
        for (index, name) in names.enumerated() {
            let subject = index % 3 == 2 ? "Automatic reply: hello" : "Re: hello"
            let reply = "From: <\(campaign.address(name))>\r\nTo: <\(MailRig.sales)>\r\nSubject: \(subject)\r\n"
                + "Date: Wed, 02 Dec 2026 10:00:00 +0000\r\nMessage-ID: <kill-\(name)-\(campaign.tag)@example.test>\r\n\r\n\(texts[index % 3])\r\n"
            try inbox.append(Array(reply.utf8), to: "INBOX", seen: false)
        }
        var random = SplitMix64(seed: seed)
        var kills = 0
        var partWay = 0
        var progress: [Int] = []
        // Eight rounds, and more (up to sixteen) until kills have landed part-way: how long a poll
        // takes depends on the machine and on AddressSanitizer.
        for round in 0..<16 {
            if round >= 8 && kills >= 2 && partWay >= 1 { break }
            if progress.last == count { break }
            let process = try campaign.start(["poll", "--now", "2026-12-02T11:00:00Z"])
            Thread.sleep(forTimeInterval: Double(random.next() % 2_400) / 1000.0 + 0.1)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let done = try recordedReplies(campaign).count
            progress.append(done)
            if done > 0 && done < count { partWay += 1 }
        }
        let final = try campaign.run(["poll", "--now", "2026-12-02T12:00:00Z"])
        #expect(final.status == 0, "\(final.stdout)\n\(final.stderr)")
        let again = try campaign.run(["poll", "--now", "2026-12-02T13:00:00Z"])
        #expect(!again.stdout.contains(campaign.tag), "a later poll finds nothing of ours: \(again.stdout)")

        let recorded = try recordedReplies(campaign)
        #expect(recorded.count == count, "every reply recorded (\(recorded.count) of \(count), \(kills) kills)")
        #expect(Set(recorded).count == recorded.count, "no reply recorded twice")
        let status = try campaign.run(["status", "--json", "--now", "2026-12-02T13:00:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let states = try #require(object["prospects"] as? [String: Int])
        let nos = (0..<count).filter { $0 % 3 == 0 }.count
        let yeses = (0..<count).filter { $0 % 3 == 1 }.count
        #expect(states["closed_no"] == nos, "\(states)")
        #expect(states["replied"] == yeses, "\(states)")
        #expect(states["snoozed"] == count - nos - yeses, "\(states)")
        let doctor = try campaign.run(["doctor"])
        #expect(doctor.stdout.contains("ok   store"), "\(doctor.stdout)")
        #expect(kills >= 2 && partWay >= 1, "the test must actually kill polls part-way (\(kills) kills, replies recorded after each: \(progress))")
    }

    /// The prospects of this campaign that have a recorded reply, one entry per reply.
    func recordedReplies(_ campaign: Campaign) throws -> [String] {
        let replies = try campaign.run(["triage", "list", "--all", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(replies.stdout.utf8)) as? [[String: Any]])
        return list.compactMap { $0["prospect"] as? String }.filter { $0.contains(campaign.tag) }
    }
}
