import Foundation
import Testing

@testable import RehearseProgress

#if canImport(Glibc)
    import Glibc
#endif

/// A writer killed after keeping the backup (a hard link of the file) and before its rename
/// leaves the backup and the file as one inode; the next write must leave no temp file behind
/// (`rename` between two links of one file succeeds and does nothing). Found by
/// `GradeKillTests` at 10,000 learners.
@Suite struct BackupLinkTests {
    @Test(arguments: [false, true])
    func aBackupThatIsTheFileLeavesNoTempName(cohort: Bool) throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.record(Sample.attempt("a1"), reviews: [])
        let file = data.file("progress/ana@example.com.json")
        let first = try #require(data.contents("progress/ana@example.com.json"))
        #expect(link(file, file + ".bak") == 0)
        if cohort {
            try store.recordCohort([
                LearnerRecording(attempts: [Sample.attempt("a2")], reviews: [])
            ])
        } else {
            try store.record(Sample.attempt("a2"), reviews: [])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: data.file("progress"))
        #expect(!names.contains { $0.contains(".tmp-") }, "temp names left: \(names)")
        #expect(data.contents("progress/ana@example.com.json.bak") == first)
        #expect(try store.load(learner: "ana@example.com").attempts.map(\.id) == ["a1", "a2"])
    }
}
