import Foundation

/// Files written under a new temporary folder, removed when the value goes away: a bank on
/// disk for tests of the walker, the loaders and `check`.
package final class FixtureFolder: Sendable {
    /// The folder's absolute path.
    package let path: String

    /// Writes `files` (path inside the folder -> text), making folders as needed.
    package init(_ files: [String: String]) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-fixture-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The absolute path of `name` inside the folder.
    package func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes (or replaces) one file.
    package func write(_ name: String, _ text: String) throws {
        let full = file(name)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
}
