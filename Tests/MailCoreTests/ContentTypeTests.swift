import Testing
@testable import MailCore

@Suite("Content-Type values")
struct ContentTypeTests {
    @Test("parameters: plain, quoted with a semicolon inside, RFC 2231 continued and encoded")
    func parameters() {
        let plain = ContentType(parsing: "Text/Plain; charset=UTF-8; format=flowed")
        #expect(plain.value == "text/plain" && plain.type == "text")
        #expect(plain.parameters == ["charset": "UTF-8", "format": "flowed"])
        let quoted = ContentType(parsing: "multipart/mixed; boundary=\"a;b=c\"; charset=x")
        #expect(quoted.parameters["boundary"] == "a;b=c" && quoted.parameters["charset"] == "x")
        let continued = ContentType(parsing: "attachment; filename*0*=utf-8''Caf%C3%A9; filename*1=\" menu.pdf\"")
        #expect(continued.value == "attachment" && continued.parameters["filename"] == "Café menu.pdf")
    }

    @Test("the quick split of values without quotes gives the segments the full reading gives, on 20,000 seeded texts")
    func quickSplitAgrees() {
        var random = SplitMix64(seed: 2026_12_08)
        let pieces = ["text/plain", ";", ";", " ", "charset", "=", "utf-8", "\\", "*", "é", "name*0", "\t", "=?", "boundary", "\""]
        var quick = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(random.next() % 10) {
                // A quote one time in ten, so that most texts take the quick split.
                text += pieces[Int(random.next() % UInt64(random.next() % 10 == 0 ? pieces.count : pieces.count - 1))]
            }
            if !text.contains("\"") { quick += 1 }
            #expect(ContentType.segments(text) == ContentType.segmentsInGeneral(text), "\(text.debugDescription)")
        }
        #expect(quick > 10_000, "most texts must take the quick split for the comparison to mean anything (\(quick))")
    }
}
