import Foundation

/// JSON for `--json` outputs: sorted keys, no escaped slashes, one line.
enum JSONText {
    /// `value` as compact JSON text (`{}` if it cannot be encoded).
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
