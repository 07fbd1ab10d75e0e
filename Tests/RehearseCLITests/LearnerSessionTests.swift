import Foundation
import Testing

/// A new hire's session through a pipe: an exam that teaches afterwards and schedules its
/// misses, a time allowance the trainer sees, and a `list` that fits the terminal.
@Suite struct LearnerSessionTests {
    typealias F = TakeFixtures

    func rehearse(_ bank: TemporaryBank, _ arguments: [String], input: String = "", now: String)
        throws -> CLIResult
    {
        try CLI.run(
            arguments + [
                "--bank", bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path,
            ], environment: ["REHEARSE_NOW": now], input: input)
    }

    @Test func aScriptedExamShowsTheFullReviewAndItsMissesAreDueInProgress() throws {
        let bank = try F.bank(extraQuizzes: [
            "quizzes/timed.yaml": F.quiz(id: "timed", mode: "exam", extra: "time-limit: 20m")
        ])
        // Enter starts the clock; then two misses (tf, lookup) and the rest right; `$50` is
        // refused for a question in days, never scored.
        let answers = [
            "", "false", "a", "$50", "50", "a,b", "listen,sorry,fix", "northwind circle",
            "A = 5, B = 1",
        ]
        let exam = try rehearse(
            bank, ["take", "timed", "--learner", "sam", "--seed", "5", "--time-factor", "1.5"],
            input: F.lines(answers), now: "2026-01-05T09:00:00Z")
        #expect(exam.status == 0, "\(exam.stderr)")
        let out = exam.stdout
        #expect(out.contains("Time limit: 30 minutes (your time factor 1.5 included)."))
        #expect(out.contains("Press Enter to start the clock."))
        #expect(out.contains("Question 1 of about 7  [30:00 left]"))
        let parts = out.components(separatedBy: "\nResult: ")
        #expect(!parts[0].contains("Right answer"))  // nothing before the end
        #expect(parts[0].contains("I could not read that: unexpected `$` with the number."))
        let review = try #require(parts.last)
        #expect(review.contains("\nReview (7 questions)\n"))
        #expect(review.contains("  Your answer: false\n  Right answer: true\n"))
        #expect(review.contains("  Your answer: 50\n  Right answer: 5 days\n"))

        let progress = try rehearse(bank, ["progress", "sam"], now: "2026-01-06T09:00:00Z")
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.contains("2 due now"))
        #expect(progress.stdout.contains("every-kind/tf") == false)  // the quiz is `timed`
        #expect(progress.stdout.contains("timed/tf"))
        #expect(progress.stdout.contains("late-delivery/lookup"))
        #expect(progress.stdout.contains("time factor 1.5"))
    }

    @Test func aTimeFactorOutOfRangeIsAUsageError() throws {
        let bank = try F.bank()
        let result = try rehearse(
            bank, ["take", "every-kind", "--learner", "sam", "--time-factor", "0.5"],
            now: "2026-01-05T09:00:00Z")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--time-factor must be a number from 1 to 4"))
    }

    @Test func listShowsTheQuizzesAndFitsTheWidth() throws {
        let narrow = try CLI.run(["list"], environment: ["COLUMNS": "60"])
        #expect(narrow.status == 0, "\(narrow.stderr)")
        #expect(!narrow.stdout.contains("Scenarios ("))
        #expect(narrow.stdout.contains("product-knowledge-check"))  // ids are never broken
        for line in narrow.stdout.split(separator: "\n") {
            #expect(line.count <= 60, "\(line)")
        }
        let all = try CLI.run(["list", "--all"], environment: ["COLUMNS": "200"])
        #expect(all.stdout.contains("Scenarios (15)"))
    }
}
