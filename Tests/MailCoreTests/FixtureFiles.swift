import Foundation

/// Locates test fixtures copied into the test bundle, and their source folder for UPDATE_GOLDEN.
enum FixtureFiles {
    static var root: URL {
        (Bundle.module.resourceURL ?? Bundle.module.bundleURL).appendingPathComponent("Fixtures")
    }

    static var sourceRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static func names(in folder: String, withExtension ext: String) throws -> [String] {
        let items = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
        return items.filter { $0.hasSuffix("." + ext) }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }
}
