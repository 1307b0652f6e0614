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
            let process = Process()
            process.executableURL = URL(fileURLWithPath: FollowUpBinary.path)
            process.arguments = ["import", "big.csv"]
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FollowUpBinary.path)
        process.arguments = ["import", "big.csv"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
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
