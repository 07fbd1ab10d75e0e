import Foundation
import Testing

/// Two questions worth 1e308 each: `check` names both lines, `take` refuses the quiz, and `grade`
/// (which grades with what loaded) writes its HTML report without trapping on an infinite sum.
@Suite struct PointsRangeCommandTests {
    static let quiz = """
        id: big
        title: Big points
        items:
          - question: {id: a, kind: truefalse, competency: empathy, prompt: Sky?, answer: true, points: 1e308}
          - question: {id: b, kind: truefalse, competency: empathy, prompt: Grass?, answer: true, points: 1e308}
        """

    @Test func hugePointsAreFoundAndNothingTraps() throws {
        let bank = try TemporaryBank(["quizzes/big.yaml": Self.quiz])
        let root = bank.url.path
        let check = try CLI.run(["check", "--bank", root])
        #expect(check.status == 1)
        #expect(check.stdout.contains("quizzes/big.yaml:4:"))
        #expect(check.stdout.contains("quizzes/big.yaml:5:"))
        #expect(check.stdout.contains("more than the 1000 points a question may be worth"))

        let take = try CLI.run(
            ["take", "big", "--learner", "sam", "--bank", root, "--data-dir", root + "/data"],
            environment: ["REHEARSE_NOW": "2026-01-05T10:00:00Z"], input: "true\ntrue\n")
        #expect(take.status == 1, "\(take.stderr)")
        #expect(take.stderr.contains("the quiz `big` has 2 errors"))

        let sheet = bank.url.appendingPathComponent("sheet.csv")
        try Data("Name,big/a,big/b\nSam,true,true\nAl,false,true\n".utf8).write(to: sheet)
        let report = bank.url.appendingPathComponent("report.html")
        let grade = try CLI.run(
            ["grade", sheet.path, "--bank", root, "--format", "html", "-o", report.path])
        #expect(grade.status == 0, "\(grade.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("Sam"))
    }
}
