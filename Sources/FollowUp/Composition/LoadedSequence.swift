/// A sequence ready to render: its step templates and their timing.
public struct LoadedSequence: Sendable {
    /// The sequence's name (part of every Message-ID's hash).
    public var name: String
    /// One template per step, in order.
    public var steps: [StepTemplate]
    /// Delays and the policy after the last step.
    public var timing: SequenceTiming

    /// Creates a sequence; `steps` and `timing.delays` have the same length.
    public init(name: String = "default", steps: [StepTemplate], timing: SequenceTiming) {
        self.name = name
        self.steps = steps
        self.timing = timing
    }
}
