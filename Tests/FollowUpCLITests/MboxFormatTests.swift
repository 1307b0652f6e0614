@testable import FollowUpCLI
import Foundation
import MailCore
import Testing

@Suite("the mbox container")
struct MboxFormatTests {
    @Test("From lines are mboxrd-quoted, everything else is left as it is")
    func quoting() {
        let message = Array("Subject: x\r\n\r\nFrom here\r\n>From there\r\n From not\r\nFromage\r\n".utf8)
        let entry = String(decoding: MboxFormat.entry(message), as: UTF8.self)
        #expect(entry == "Subject: x\r\n\r\n>From here\r\n>>From there\r\n From not\r\nFromage\r\n\n")
        let plain = Array("Subject: y\r\n\r\nHello\r\n".utf8)
        #expect(MboxFormat.entry(plain) == plain + [0x0A])
    }

    @Test("quoting is decided at every line start, the first and a last one without a line end included")
    func quotingAtEdges() {
        #expect(MboxFormat.needsQuoting(Array("From the start\r\n".utf8)))
        #expect(MboxFormat.needsQuoting(Array("a\r\n>>>From ".utf8)))
        #expect(!MboxFormat.needsQuoting(Array("a\r\n>>>From".utf8)))
        #expect(!MboxFormat.needsQuoting(Array("a From b\r\nxFrom c\r\n\r\n".utf8)))
        #expect(!MboxFormat.needsQuoting([]))
        // Against a plain reading of the rule, over seeded random lines.
        var random = SplitMix64(seed: 1_024)
        let pieces = ["From ", ">", "F", "rom", " ", "x", "\r\n", "\n", "From"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            // By bytes: "\r\n" is one Character, so a split on Character "\n" would not see it.
            let expected = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).contains { line in
                line.drop { $0 == UInt8(ascii: ">") }.starts(with: "From ".utf8)
            }
            #expect(MboxFormat.needsQuoting(Array(text.utf8)) == expected, "\(text.debugDescription)")
        }
    }

    @Test("the separator carries the sender and the UTC date in asctime form")
    func separator() {
        let date = Date(timeIntervalSince1970: 1_796_117_400)  // 2026-12-01 09:30:00 UTC
        #expect(MboxFormat.separator(sender: "kira@example.com", date: date) == "From kira@example.com Tue Dec  1 09:30:00 2026\n")
        let later = Date(timeIntervalSince1970: 1_797_000_000)  // 2026-12-11 14:40:00 UTC
        #expect(MboxFormat.separator(sender: "k@x.test", date: later) == "From k@x.test Fri Dec 11 14:40:00 2026\n")
    }
}
