import Foundation
import Testing

/// A folder given where a file is written is refused with a file name fitting the command.
@Suite struct OutputFolderMessageTests {
    typealias F = TakeFixtures
    static let sheet = CLI.packageRoot.appendingPathComponent("examples/week-one-cohort.csv").path

    @Test(arguments: [("html", "report.html"), ("json", "report.json"), ("table", "report.txt")])
    func gradeProposesAReportFileInTheFolder(format: String, name: String) throws {
        let folder = try TemporaryBank([:])
        let result = try CLI.run(["grade", Self.sheet, "--format", format, "-o", folder.url.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "it is a folder; give a file name in it, such as \(folder.url.path)/\(name)"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("attempt.json"))
    }

    @Test func statsProposesAReportFileToo() throws {
        let folder = try TemporaryBank([:])
        let marks = folder.url.appendingPathComponent("marks.csv")
        try Data("learner,q1,q2\na,1,0\nb,0,1\nc,1,1\n".utf8).write(to: marks)
        let out = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try CLI.run(["stats", marks.path, "--format", "csv", "-o", out.path])
        #expect(result.stderr.contains("such as \(out.path)/report.csv"), "\(result.stderr)")
    }

    @Test func takeRecordProposesAnAttemptFile() throws {
        let bank = try F.bank()
        let folder = bank.url.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try CLI.run(
            [
                "take", "every-kind", "--learner", "sam", "--record", folder, "--bank",
                bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path,
            ], environment: F.environment, input: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("such as \(folder)/attempt.json"), "\(result.stderr)")
    }
}
