import Foundation
import RehearseTestSupport

/// Moodle's quiz statistics fixtures (`results00.csv`, `qstats00.csv`):
/// `$REHEARSE_SHARED_FIXTURES/moodle-quiz-statistics` when set, else
/// `../shared/fixtures/moodle-quiz-statistics` beside the package root (the repository is checked
/// out as a folder beside `shared`). They are not copied into the repository; the tests that need
/// them are skipped, visibly, where the folder is not there.
enum MoodleFixtures {
    static let folder = SharedFixtures.folder("moodle-quiz-statistics")

    /// Whether the fixture folder is there to test against.
    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("results00.csv").path)
    }

    /// The bytes of fixture `name` (empty when missing: the tests are then disabled).
    static func bytes(_ name: String) -> [UInt8] {
        let path = folder.appendingPathComponent(name).path
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }
}
