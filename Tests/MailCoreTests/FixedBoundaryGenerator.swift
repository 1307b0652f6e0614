@testable import MailCore

/// A boundary generator that always answers the same string (to reach the boundary error paths).
struct FixedBoundaryGenerator: BoundaryGenerator {
    let value: String
    func makeBoundary() -> String { value }
}
