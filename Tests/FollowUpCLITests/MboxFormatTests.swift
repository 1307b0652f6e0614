@testable import FollowUpCLI
import Foundation
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

    @Test("the separator carries the sender and the UTC date in asctime form")
    func separator() {
        let date = Date(timeIntervalSince1970: 1_796_117_400)  // 2026-12-01 09:30:00 UTC
        #expect(MboxFormat.separator(sender: "kira@example.com", date: date) == "From kira@example.com Tue Dec  1 09:30:00 2026\n")
        let later = Date(timeIntervalSince1970: 1_797_000_000)  // 2026-12-11 14:40:00 UTC
        #expect(MboxFormat.separator(sender: "k@x.test", date: later) == "From k@x.test Fri Dec 11 14:40:00 2026\n")
    }
}
