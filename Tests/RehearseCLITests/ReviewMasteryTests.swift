import Foundation
import Testing

/// `review` and the dashboard agree: review asks the weakest competency first, its answers move
/// the dashboard's mastery, a skipped question stays due, and the end says how many are left.
@Suite struct ReviewMasteryTests {
    typealias F = TakeFixtures

    func run(_ bank: TemporaryBank, _ arguments: [String], at now: String, input: String = "")
        throws -> CLIResult
    {
        try CLI.run(
            arguments + [
                "--bank", bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path,
            ],
            environment: ["REHEARSE_NOW": now], input: input)
    }

    func mastery(_ bank: TemporaryBank, at now: String) throws -> [String: Double] {
        let result = try CLI.run(
            [
                "progress", "sam", "--format", "json", "--data-dir",
                bank.url.appendingPathComponent("data").path,
            ], environment: ["REHEARSE_NOW": now])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (json as? [String: Any])?["competencies"] as? [String: Double] ?? [:]
    }

    @Test func reviewAnswersMoveMasteryAndSkippedQuestionsStayDue() throws {
        let bank = try F.bank()
        // tf (empathy) and lookup (product-knowledge) wrong, the rest right.
        let practice = try run(
            bank, ["take", "every-kind", "--learner", "sam", "--seed", "5"],
            at: "2026-01-05T09:00:00Z",
            input: F.lines([
                "false", "a", "7", "a,b", "listen,sorry,fix", "northwind circle", "a=5,b=1",
            ]))
        #expect(practice.status == 0, "\(practice.stderr)")
        let before = try mastery(bank, at: "2026-01-05T09:00:00Z")
        #expect(before["empathy"] == 75)

        // Empathy (75%) is weaker than product knowledge (83%): its question comes first. The
        // second is skipped.
        let day = "2026-01-06T10:00:00Z"
        let first = try run(
            bank, ["review", "--learner", "sam", "--seed", "1"], at: day, input: "true\n:skip\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Question 1 of 2  every-kind/tf"))
        #expect(first.stdout.contains("Question 2 of 2  late-delivery/lookup"))
        #expect(first.stdout.contains("Review: 1 answered, 1 right, 1 of 1 points."))
        #expect(first.stdout.contains("1 question is still due: `review` again to go on."))
        // The review answer is one more source of empathy's mastery: (75 + 100) / 2.
        let after = try mastery(bank, at: day)
        #expect(after["empathy"] == 87.5)
        #expect(after["product-knowledge"] == before["product-knowledge"])
        let table = try CLI.run(
            [
                "progress", "sam", "--no-color", "--data-dir",
                bank.url.appendingPathComponent("data").path,
            ], environment: ["REHEARSE_NOW": day])
        #expect(table.stdout.contains("1 due now"))
        #expect(table.stdout.contains("late-delivery/lookup  due"))

        // The skipped question is still due, and alone.
        let second = try run(
            bank, ["review", "--learner", "sam", "--seed", "1"], at: day, input: "5\n")
        #expect(second.stdout.contains("1 question to review"))
        #expect(second.stdout.contains("Question 1 of 1  late-delivery/lookup"))
        #expect(!second.stdout.contains("still due"))
        #expect(
            try mastery(bank, at: day)["product-knowledge"] ?? 0 > before["product-knowledge"]
                ?? 100)
    }

    @Test func aLimitedReviewSaysHowManyAreLeft() throws {
        let bank = try F.bank()
        _ = try run(
            bank, ["take", "every-kind", "--learner", "sam", "--seed", "5"],
            at: "2026-01-05T09:00:00Z",
            input: F.lines([
                "false", "a", "7", "a,b", "listen,sorry,fix", "northwind circle", "a=5,b=1",
            ]))
        let review = try run(
            bank, ["review", "--learner", "sam", "--limit", "1"], at: "2026-01-06T10:00:00Z",
            input: "true\n")
        #expect(review.stdout.contains("1 question to review"))
        #expect(review.stdout.contains("1 question is still due"))
    }
}
