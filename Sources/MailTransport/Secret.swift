/// A credential that never prints itself: `description`, `debugDescription` and reflection all
/// show `<redacted>`, so a password cannot reach a log line, an error or a preview by accident.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The credential itself; only the transport reads it, to hand it to libcurl.
    package let revealed: String

    /// Wraps a credential read from the environment or a password command.
    public init(_ value: String) {
        self.revealed = value
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// A mirror with no children, so `dump` and string interpolation of containers stay clean.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
