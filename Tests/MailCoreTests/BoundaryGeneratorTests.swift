import Testing
@testable import MailCore

@Suite struct BoundaryGeneratorTests {
    @Test func seededIsReproducibleAndVaries() {
        let a = SeededBoundaryGenerator(seed: 5), b = SeededBoundaryGenerator(seed: 5), c = SeededBoundaryGenerator(seed: 6)
        let first = a.makeBoundary()
        #expect(first == b.makeBoundary())
        #expect(first != c.makeBoundary())
        #expect(a.makeBoundary() != first)
    }

    @Test func randomBoundariesAreValidAndUnique() {
        let generator = RandomBoundaryGenerator()
        let boundaries = (0..<2_000).map { _ in generator.makeBoundary() }
        #expect(Set(boundaries).count == boundaries.count)
        #expect(boundaries.allSatisfy { MessageWriter.isValidBoundary($0) && $0.hasPrefix("=_fu_") })
    }

    @Test func invalidBoundariesAreRejected() {
        struct Bad: BoundaryGenerator {
            func makeBoundary() -> String { "has\r\nnewline" }
        }
        var message = GoldenMessages.htmlAlternative
        message.htmlBody = "<p>x</p>"
        #expect(throws: MessageWriterError.boundaryUnusable(boundary: "has\r\nnewline")) {
            try MessageWriter(boundaries: Bad()).render(message)
        }
    }
}
