import Foundation
import Testing
@testable import TOML

/// Loads a fixture file from the test bundle.
func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return try String(contentsOf: url, encoding: .utf8)
}

/// Parses `text`, returning the error it throws (or nil if it parsed).
func parseError(_ text: String) -> TOMLError? {
    do {
        _ = try TOMLParser.parse(text)
        return nil
    } catch {
        return error
    }
}

extension TOMLTable {
    /// The value at a dotted path of plain keys, for concise assertions.
    func value(_ dotted: String) -> TOMLValue? {
        var table = self
        let parts = dotted.split(separator: ".").map(String.init)
        for (index, part) in parts.enumerated() {
            guard let node = table[part] else { return nil }
            if index == parts.count - 1 { return node.value }
            guard case .table(let child) = node.value else { return nil }
            table = child
        }
        return nil
    }
}
