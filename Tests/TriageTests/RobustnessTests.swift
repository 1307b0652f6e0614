import Testing
import Triage

@Suite("Hostile input")
struct RobustnessTests {
    @Test("random bytes never crash and always answer")
    func randomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<200 {
            var bytes: [UInt8] = []
            let count = (round * 37) % 3_000
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            let c = TestMail.classifier.classify(bytes: bytes)
            #expect((0...1).contains(c.confidence))
        }
    }

    @Test("huge bodies, deep quoting and long lines finish")
    func huge() {
        let long = String(repeating: "> > > not interested unsubscribe 12/07/2026 ", count: 20_000)
        let c = TestMail.classifier.classify(bytes: TestMail.raw(body: "Yes, let's talk.\n" + long))
        #expect(c.intent == .positive)
        let lines = String(repeating: "On Mon wrote:\nFrom: x\n\n", count: 20_000)
        _ = TestMail.classifier.classify(bytes: TestMail.raw(body: lines))
        let digits = String(repeating: "1.2.3/4-5 ", count: 30_000)
        _ = QuoteStripper.newText(digits)
        _ = TestMail.classifier.classify(bytes: TestMail.raw(subject: "Out of office", body: digits))
    }

    @Test("empty input")
    func empty() {
        let c = TestMail.classifier.classify(bytes: [])
        #expect(c.kind == .human)
        #expect(c.intent == .unclear)
        #expect(c.needsReview)
    }
}
