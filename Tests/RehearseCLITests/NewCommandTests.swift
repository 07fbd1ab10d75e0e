import Foundation
import Testing

/// `rehearse new scenario|quiz ID` on the built binary.
@Suite struct NewCommandTests {
    @Test func writesBothSkeletonsAndTheBankPassesTheStrictCheck() throws {
        let bank = try TemporaryBank([:])
        let scenario = try CLI.run(["new", "scenario", "late-sofa"], in: bank.url)
        #expect(scenario.status == 0, "\(scenario.stderr)")
        #expect(scenario.stdout.hasPrefix("wrote scenarios/late-sofa.yaml"))
        #expect(scenario.stderr.isEmpty)
        let quiz = try CLI.run(["new", "quiz", "week-one"], in: bank.url)
        #expect(quiz.status == 0, "\(quiz.stderr)")
        #expect(quiz.stdout.hasPrefix("wrote quizzes/week-one.yaml"))
        let check = try CLI.run(["check", "--strict"], in: bank.url)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout == "no problems found in 2 files\n")
    }

    @Test func writesIntoTheBankGivenByOption() throws {
        let bank = try TemporaryBank(["scenarios/old.yaml": "id: old\n"])
        let result = try CLI.run(["new", "quiz", "drill", "--bank", bank.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let written = bank.url.appendingPathComponent("quizzes/drill.yaml")
        #expect(FileManager.default.fileExists(atPath: written.path))
    }

    @Test func refusesToOverwriteAndExitsOne() throws {
        let bank = try TemporaryBank(["quizzes/week-one.yaml": "id: week-one\n"])
        let result = try CLI.run(["new", "quiz", "week-one"], in: bank.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("quizzes/week-one.yaml already exists"))
        let text = try String(
            contentsOf: bank.url.appendingPathComponent("quizzes/week-one.yaml"), encoding: .utf8)
        #expect(text == "id: week-one\n")
    }

    @Test func anUnwritableBankExitsTwo() throws {
        let bank = try TemporaryBank([:])
        let missing = bank.url.appendingPathComponent("no/such/bank").path
        let result = try CLI.run(["new", "scenario", "s", "--bank", missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such folder"))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let bank = try TemporaryBank([:])
        let badID = try CLI.run(["new", "scenario", "Late_Sofa"], in: bank.url)
        #expect(badID.status == 64)
        #expect(badID.stderr.contains("e.g. `late-sofa`"))
        #expect(try CLI.run(["new", "lesson", "x"], in: bank.url).status == 64)
        #expect(try CLI.run(["new", "quiz"], in: bank.url).status == 64)
        let folder = bank.url.appendingPathComponent("scenarios")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
