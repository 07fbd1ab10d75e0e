import Foundation

/// The shared test fixtures beside the repository: `$REHEARSE_SHARED_FIXTURES` when set, else
/// `../shared/fixtures` beside the package root. They are not copied into the repository; the
/// tests that need them are skipped, visibly, where they are not there.
enum SharedFixtures {
    static let root: URL = {
        if let root = ProcessInfo.processInfo.environment["REHEARSE_SHARED_FIXTURES"],
            !root.isEmpty
        {
            return URL(fileURLWithPath: root, isDirectory: true)
        }
        return CLI.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures", isDirectory: true)
    }()

    /// Moodle's quiz statistics fixture `results00.csv` (25 attempts x 7 items and a total).
    static let moodleResults = root.appendingPathComponent(
        "moodle-quiz-statistics/results00.csv"
    ).path

    /// Whether Moodle's fixture is there to test against.
    static var moodleAvailable: Bool { FileManager.default.fileExists(atPath: moodleResults) }
}
