import Foundation

/// The project's shared test data (`../shared/fixtures` beside the package root, or
/// `$REHEARSE_SHARED_FIXTURES`): the GIFT corpus, Moodle's quiz statistics, the QTI 3.0 schemas.
/// They are read where they are, never copied into the repository; a test that needs a folder
/// that is not there is skipped visibly (a bare clone), and `.ci/run` says which it was.
public enum SharedFixtures {
    /// The root of the shared fixtures.
    public static let root: URL = {
        if let root = ProcessInfo.processInfo.environment["REHEARSE_SHARED_FIXTURES"],
            !root.isEmpty
        {
            return URL(fileURLWithPath: root, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // RehearseTestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // the package root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures", isDirectory: true)
    }()

    /// The fixture folder `name` (`gift`, `moodle-quiz-statistics`, `qti3`).
    public static func folder(_ name: String) -> URL {
        root.appendingPathComponent(name, isDirectory: true)
    }
}
