/// Makes MIME multipart boundaries; injected into the writer so output can be reproducible.
public protocol BoundaryGenerator: Sendable {
    /// Returns a fresh boundary of 1-70 characters from the RFC 2046 bchars set (no trailing space).
    func makeBoundary() -> String
}

/// Boundaries from the system random number generator: "=_fu_" plus 28 random letters and digits.
public struct RandomBoundaryGenerator: BoundaryGenerator {
    /// Creates the generator.
    public init() {}

    /// A new random boundary.
    public func makeBoundary() -> String {
        var rng = SystemRandomNumberGenerator()
        return BoundaryAlphabet.boundary(using: &rng)
    }
}

/// Reproducible boundaries from a seed: the same seed gives the same boundary every time it is called first.
public struct SeededBoundaryGenerator: BoundaryGenerator {
    /// The seed each boundary is derived from.
    public let seed: UInt64
    private let counter = BoundaryCounter()

    /// Creates a generator whose n-th boundary depends only on `seed` and n.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The next boundary in this generator's fixed sequence.
    public func makeBoundary() -> String {
        var rng = SplitMix64(seed: seed &+ counter.next() &* 0x9E37_79B9_7F4A_7C15)
        return BoundaryAlphabet.boundary(using: &rng)
    }
}

enum BoundaryAlphabet {
    static let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".unicodeScalars)

    static func boundary<G: RandomNumberGenerator>(using rng: inout G) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<28 {
            scalars.append(characters[Int(rng.next(upperBound: UInt64(characters.count)))])
        }
        return "=_fu_" + String(scalars)
    }
}
