import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore

/// The rules that catch scoring mistakes an author cannot see in the file: a pass mark
/// written as a fraction, and a best path that runs through a weaker answer.
@Suite struct AuthorRuleTests {
    func findings(_ path: String, _ text: String) -> [Diagnostic] {
        Checker.check([SourceFile(path: path, text: text)])
    }

    static func quiz(pass: String) -> String {
        """
        id: q
        title: Q
        pass: \(pass)
        items:
          - question: {id: a, kind: truefalse, competency: empathy, prompt: P, answer: true}
        """
    }

    @Test(arguments: [("0.7", "70"), ("0.75", "75"), ("1", "100"), ("0.575", "57.5")])
    func aFractionalPassMarkSuggestsThePercentage(_ pass: String, _ meant: String) throws {
        let found = findings("quizzes/q.yaml", Self.quiz(pass: pass))
        #expect(found.map(\.rule) == [PassMarkFractionRule.id])
        let finding = try #require(found.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("means \(pass)%"))
        #expect(finding.message.contains("(did you mean \(meant)%?)"))
        #expect(finding.hint.hasPrefix("write `pass: \(meant)%`"))
    }

    @Test(arguments: ["70%", "70", "0", "0.7%", "\"1 %\"", "1.5"])
    func otherPassMarksAreNotFractions(_ pass: String) {
        #expect(findings("quizzes/q.yaml", Self.quiz(pass: pass)).isEmpty)
    }

    /// `greet` offers a best answer and a weaker one; the weaker one leads to `recover`, worth
    /// `recoverPoints`, and both paths end with `close`.
    static func scenario(bestNext: String, recoverPoints: Int, tieScore: Int = 0) -> String {
        """
        id: s
        title: S
        competencies: [empathy]
        steps:
          - id: greet
            kind: choice
            prompt: P
            options:
              - {id: a, text: Best, score: 2, next: \(bestNext)}
              - {id: b, text: Weak, score: \(tieScore), next: recover}
          - id: recover
            kind: truefalse
            prompt: Q
            points: \(recoverPoints)
            answer: true
            next: close
          - id: promise
            kind: truefalse
            prompt: R
            answer: true
          - id: close
            kind: truefalse
            prompt: S
            answer: true
        """
    }

    @Test func aWeakerAnswerLeadingToMorePointsIsFlaggedAtItsNext() throws {
        let found = findings(
            "scenarios/s.yaml", Self.scenario(bestNext: "promise", recoverPoints: 2))
        #expect(found.map(\.rule) == [WeakerAnswerPaysMoreRule.id])
        let finding = try #require(found.first)
        #expect(finding.location.line == 10)
        #expect(finding.message.hasPrefix("option `b` of step `greet` is a weaker answer"))
        // Best answers: 2 + promise 1 + close 1 = 4; through b: 2 + recover 2 + close 1 = 5.
        #expect(finding.message.contains("worth 5 points from there, more than the 4"))
        #expect(finding.message.contains("reaches at most 4 of the scenario's 5 points"))
    }

    @Test func aRecoveryThatReplacesAStepIsFine() {
        #expect(
            findings("scenarios/s.yaml", Self.scenario(bestNext: "promise", recoverPoints: 1))
                .isEmpty)
    }

    @Test func anOptionAsGoodAsTheBestIsNotWeaker() {
        // b scores as much as a, so a learner who picks b answers well and can reach 100%.
        let text = Self.scenario(bestNext: "promise", recoverPoints: 2, tieScore: 2)
        #expect(findings("scenarios/s.yaml", text).isEmpty)
    }

    @Test func aBestAnswerThatEndsEarlyIsFlaggedAtTheWeakerOption() {
        // a: 2 and the end; b: 2 + recover 1 + close 1. (`promise` is unreachable here.)
        let found = findings("scenarios/s.yaml", Self.scenario(bestNext: "end", recoverPoints: 1))
        #expect(found.map(\.rule) == [WeakerAnswerPaysMoreRule.id, UnreachableStepRule.id])
        #expect(
            found.first?.message.contains("reaches at most 2 of the scenario's 4 points") == true)
    }

    @Test func theBestPathTotalsFollowTheGivenEdges() throws {
        let loaded = BankLoader.load([
            SourceFile(
                path: "scenarios/s.yaml", text: Self.scenario(bestNext: "promise", recoverPoints: 2)
            )
        ])
        let scenario = try #require(loaded.bank.scenarios.first)
        let paths = try #require(ScenarioPaths(scenario))
        #expect(paths.best == [5, 3, 2, 1])
        #expect(paths.good == [4, 3, 2, 1])
        #expect(StepGraph(scenario).longestPath == 5)
    }
}
