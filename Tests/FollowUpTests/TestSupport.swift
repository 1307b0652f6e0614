import Foundation
import Testing
import FollowUp

/// Shared helpers for loading fixtures and building render contexts.
enum TestSupport {
    /// The bytes of `Fixtures/csv/<name>`.
    static func csvFixture(_ name: String) throws -> [UInt8] {
        let url = try csvFixtureURL(name)
        return [UInt8](try Data(contentsOf: url))
    }

    /// The URL of `Fixtures/csv/<name>` in the test bundle.
    static func csvFixtureURL(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/csv"))
    }

    /// The package root, found from this source file's location.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Built-ins with recognisable values.
    static func builtins(step: Int = 2, unsubscribe: String = "Reply \"remove\" and I won't write again.") -> Builtins {
        Builtins(
            senderName: "Kira Moore", senderEmail: "kira@example.com",
            senderPostalAddress: "1 Main Street, Springfield", step: step, stepsTotal: 5, attempts: step - 1,
            daysSinceFirst: 7, unsubscribeLine: unsubscribe)
    }

    /// A context for `email` with `fields`.
    static func context(_ fields: [String: String], email: String = "ana@example.com", step: Int = 2) -> RenderContext {
        RenderContext(prospectEmail: email, fields: fields, builtins: builtins(step: step))
    }

    /// The errors `body` throws, or an empty list when it does not throw.
    static func templateErrors<T>(_ body: () throws(TemplateErrors) -> T) -> [TemplateError] {
        do {
            _ = try body()
            return []
        } catch {
            return error.errors
        }
    }

    /// Every record of `bytes`, or the errors in their place, in order.
    static func readAll(_ reader: inout CSVReader, limit: Int = 1_000_000) -> [Result<CSVRecord, CSVError>] {
        var results: [Result<CSVRecord, CSVError>] = []
        while results.count < limit {
            do {
                guard let record = try reader.next() else { break }
                results.append(.success(record))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }
}

extension Result where Success == CSVRecord, Failure == CSVError {
    /// The record, or nil for an error.
    var record: CSVRecord? {
        if case .success(let record) = self { return record }
        return nil
    }

    /// The error, or nil for a record.
    var error: CSVError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
