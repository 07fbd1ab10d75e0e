import Foundation
import Testing

/// A time factor set in the learner's profile stretches every timed exam, is recorded with the
/// attempt, and gives way to `--time-factor`; a bad one is refused with its place.
@Suite struct ProfileTimeFactorTests {
    typealias F = TakeFixtures

    static func profile(_ factor: String) -> String {
        """
        {"format": "rehearse-progress", "version": 1, "learner": "sam", "attempts": [],
         "items": {}, "profile": {"timeFactor": \(factor)}}
        """
    }

    func setUp(_ factor: String) throws -> TemporaryBank {
        let bank = try F.bank(extraQuizzes: [
            "quizzes/timed.yaml": F.quiz(id: "timed", mode: "exam", extra: "time-limit: 20m")
        ])
        let folder = bank.url.appendingPathComponent("data/progress")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.profile(factor).utf8).write(to: folder.appendingPathComponent("sam.json"))
        return bank
    }

    func take(_ bank: TemporaryBank, _ quiz: String, _ extra: [String] = []) throws -> CLIResult {
        try CLI.run(
            ["take", quiz, "--learner", "sam", "--seed", "5"] + extra + [
                "--bank", bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path,
            ], environment: F.environment, input: F.lines([""] + F.firstBranch))
    }

    func lastAttempt(_ bank: TemporaryBank) throws -> [String: Any] {
        let progress = try F.json(bank.url.appendingPathComponent("data/progress/sam.json"))
        return (progress["attempts"] as? [[String: Any]])?.last ?? [:]
    }

    @Test func theProfileFactorStretchesATimedExamAndIsRecorded() throws {
        let bank = try setUp("2")
        let exam = try take(bank, "timed")
        #expect(exam.status == 0, "\(exam.stderr)")
        #expect(exam.stdout.contains("Time limit: 40 minutes (your time factor 2 included)."))
        #expect(try lastAttempt(bank)["timeFactor"] as? Double == 2)
        let progress = try CLI.run(
            [
                "progress", "sam", "--no-color", "--data-dir",
                bank.url.appendingPathComponent("data").path,
            ], environment: F.environment)
        #expect(progress.stdout.contains("time factor 2"), "\(progress.stdout)")
        // The profile is kept when the attempt is written.
        let file = try F.json(bank.url.appendingPathComponent("data/progress/sam.json"))
        #expect((file["profile"] as? [String: Any])?["timeFactor"] as? Double == 2)
    }

    @Test func theOptionWinsOverTheProfileAndPracticeIsNotStretched() throws {
        let bank = try setUp("2")
        let exam = try take(bank, "timed", ["--time-factor", "1.5"])
        #expect(exam.stdout.contains("Time limit: 30 minutes (your time factor 1.5 included)."))
        #expect(try lastAttempt(bank)["timeFactor"] as? Double == 1.5)
        let practice = try take(bank, "every-kind")
        #expect(practice.status == 0, "\(practice.stderr)")
        #expect(try lastAttempt(bank)["timeFactor"] == nil)
    }

    @Test func aProfileFactorOutOfRangeIsRefusedWithItsPlace() throws {
        let bank = try setUp("9")
        let exam = try take(bank, "timed")
        #expect(exam.status == 2)
        #expect(exam.stderr.contains("profile.timeFactor"), "\(exam.stderr)")
        #expect(exam.stderr.contains("not a time factor (1 to 4)"), "\(exam.stderr)")
    }

    @Test func aTrainerSetsAndClearsTheFactorWithProgress() throws {
        let bank = try F.bank(extraQuizzes: [
            "quizzes/timed.yaml": F.quiz(id: "timed", mode: "exam", extra: "time-limit: 20m")
        ])
        let data = bank.url.appendingPathComponent("data").path
        func progress(_ extra: [String]) throws -> CLIResult {
            try CLI.run(
                ["progress", "sam", "--no-color", "--data-dir", data] + extra,
                environment: F.environment)
        }
        let set = try progress(["--set-time-factor", "1.5"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Exams: time factor 1.5 (the learner's profile)"))
        let exam = try take(bank, "timed")
        #expect(exam.stdout.contains("Time limit: 30 minutes (your time factor 1.5 included)."))
        let refused = try progress(["--set-time-factor", "5"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("from 1 to 4"))
        let cleared = try progress(["--set-time-factor", "1"])
        #expect(cleared.status == 0)
        #expect(!cleared.stdout.contains("Exams: time factor"))
        let file = try F.json(bank.url.appendingPathComponent("data/progress/sam.json"))
        #expect(file["profile"] == nil)
    }
}
