/// One header field, name and value; order and duplicates are kept wherever fields are stored in a list.
public struct HeaderField: Sendable, Equatable {
    /// The field name as written (compare case-insensitively).
    public var name: String
    /// The field value: unfolded and decoded when read, raw text when written.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension HeaderField {
    /// True when the field is named `name`, compared as field names are: ASCII letters in any case.
    func isNamed(_ name: String) -> Bool {
        var other = name.utf8.makeIterator()
        for byte in self.name.utf8 {
            guard let wanted = other.next(), Self.lowercaseASCII(byte) == Self.lowercaseASCII(wanted) else { return false }
        }
        return other.next() == nil
    }

    private static func lowercaseASCII(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }
}

extension [HeaderField] {
    /// The value of the first field named `name` (case-insensitive), or nil.
    func first(named name: String) -> String? {
        first { $0.isNamed(name) }?.value
    }

    /// The values of every field named `name` (case-insensitive), in order.
    func all(named name: String) -> [String] {
        filter { $0.isNamed(name) }.map(\.value)
    }
}
