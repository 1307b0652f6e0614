/// A shared sink that collects every problem found while reading one document; use it from one thread.
public final class TOMLProblems {
    /// All problems in the order they were recorded.
    public private(set) var all: [TOMLProblem] = []

    /// Creates an empty sink.
    public init() {}

    /// True when nothing has been recorded.
    public var isEmpty: Bool { all.isEmpty }

    /// The problems ordered by line, keeping recording order within a line.
    public var sortedByLine: [TOMLProblem] {
        all.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }

    /// Records one problem.
    public func add(_ problem: TOMLProblem) {
        all.append(problem)
    }
}
