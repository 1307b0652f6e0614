import Foundation
import TestSupport
import Testing

/// `--quiet` for cron: nothing on stdout when nothing went wrong, and trouble never silent (one
/// stderr line per prospect naming the address and the reason, and exit 3 for a job done in part).
@Suite("--quiet and exit 3 for cron", .enabled(if: MailRig.isUsable), .serialized)
struct QuietTests {
    @Test("a prospect whose message cannot be rendered is named on stderr under --quiet, and the round exits 3")
    func skippedIsNeverSilent() throws {
        let campaign = try Campaign(prospects: ["ok"])
        // A second prospect without a company: step 1's subject needs {{company}}, so it cannot be rendered.
        let csv = "email,first_name,company\n\(campaign.address("ok")),Ok,Ok Ltd\n\(campaign.address("blank")),Blank,\n"
        try csv.write(toFile: campaign.directory + "/prospects.csv", atomically: true, encoding: .utf8)
        #expect(try campaign.run(["import", "prospects.csv", "--quiet"]).status == 0)
        let round = try campaign.run(["run", "--once", "--quiet"])
        #expect(round.status == 3, "\(round.stdout)\(round.stderr)")
        #expect(round.stdout.contains("1 sent, 1 skipped"))
        #expect(round.stderr.contains("skipped \(campaign.address("blank")): cannot render"), "\(round.stderr)")
        #expect(round.stderr.contains("company"))
        let send = try campaign.run(["send", "--quiet"])
        #expect(send.status == 3)
        #expect(send.stderr.contains("done in part: 1 prospect(s) skipped"))
    }

    @Test("a round with nothing wrong prints nothing at all under --quiet, and exits 0")
    func quietWhenAllIsWell() throws {
        let campaign = try Campaign(prospects: ["a", "b"])
        #expect(try campaign.run(["import", "prospects.csv", "--quiet"]).status == 0)
        let round = try campaign.run(["run", "--once", "--quiet"])
        #expect(round.status == 0, "\(round.stderr)")
        #expect(round.stdout.isEmpty && round.stderr.isEmpty, "stdout: \(round.stdout) stderr: \(round.stderr)")
        let loud = try campaign.run(["run", "--once", "--now", "2026-12-04T09:00:00Z"])
        #expect(loud.status == 0)
        #expect(loud.stdout.contains("2 sent"), "without --quiet the summary is printed")
    }
}
