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

extension [HeaderField] {
    /// The value of the first field named `name` (case-insensitive), or nil.
    func first(named name: String) -> String? {
        let key = name.lowercased()
        return first { $0.name.lowercased() == key }?.value
    }

    /// The values of every field named `name` (case-insensitive), in order.
    func all(named name: String) -> [String] {
        let key = name.lowercased()
        return filter { $0.name.lowercased() == key }.map(\.value)
    }
}
