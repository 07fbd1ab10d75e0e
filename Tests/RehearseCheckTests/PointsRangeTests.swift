import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore

/// Points and scores past `Question.maximumPoints` are findings at their line, and what loads
/// stays finite: a quiz of two questions worth 1e308 each sums to infinity otherwise.
@Suite struct PointsRangeTests {
    static let quiz = """
        id: q
        title: Q
        items:
          - question: {id: a, kind: truefalse, competency: empathy, prompt: P, answer: true, points: 1e308}
          - question: {id: b, kind: truefalse, competency: empathy, prompt: P, answer: true, points: 1e308}
          - question:
              id: c
              kind: choice
              competency: empathy
              prompt: P
              options:
                - {id: x, text: X, score: 1e308}
                - {id: y, text: Y, score: -1e308}
          - question:
              id: d
              kind: text
              competency: empathy
              prompt: P
              rubric:
                - {any: [sorry], points: 1001}
          - question: {id: e, kind: truefalse, competency: empathy, prompt: P, answer: true, points: 1000}
        """

    @Test func pointsPastTheMaximumAreFindingsAtTheirLine() {
        let found = Checker.check([SourceFile(path: "quizzes/q.yaml", text: Self.quiz)])
            .filter { $0.rule == LoadRule.invalidValue.rawValue }
        #expect(found.map(\.location.line) == [4, 5, 12, 13, 20])
        #expect(found.first?.message.contains("more than the 1000 points") == true)
        #expect(found.first?.location.column == 94)
    }

    @Test func whatLoadsIsFinite() throws {
        let loaded = BankLoader.load([SourceFile(path: "quizzes/q.yaml", text: Self.quiz)])
        let questions = try #require(loaded.bank.quizzes.first).inlineQuestions
        #expect(questions.map(\.maxPoints) == [1, 1, 1000, 1, 1000])
        let total = questions.map(\.maxPoints).reduce(0, +)
        #expect(total.isFinite)
        let option = try #require(questions[2].options.last)
        #expect(questions[2].points(for: option) == 0)
    }
}
