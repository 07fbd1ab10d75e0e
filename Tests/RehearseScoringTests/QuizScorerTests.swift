import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseScoring

@Suite struct QuizScorerTests {
    typealias F = ScoringFixtures

    static let bank = F.bank([
        "scenarios/late-delivery.yaml": F.lateDelivery,
        "scenarios/chat-a.yaml": """
        id: chat-a
        title: A
        channel: chat
        competencies: [above-and-beyond]
        steps:
          - {id: q, kind: truefalse, prompt: P, answer: true}
        """,
        "scenarios/chat-b.yaml": """
        id: chat-b
        title: B
        channel: chat
        competencies: [above-and-beyond]
        steps:
          - {id: q, kind: truefalse, prompt: P, answer: true}
        """,
        "scenarios/chat-c.yaml": """
        id: chat-c
        title: C
        channel: chat
        competencies: [above-and-beyond]
        steps:
          - {id: q, kind: truefalse, prompt: P, answer: true}
        """,
        "quizzes/week.yaml": """
        id: week
        title: Week
        pass: 60%
        items:
          - scenario: late-delivery
          - question: {id: listen, kind: truefalse, competency: empathy, prompt: P, answer: false}
        """,
        "quizzes/drawn.yaml": """
        id: drawn
        title: Drawn
        shuffle: both
        items:
          - scenario: chat-a
          - draw: 1
            from: {channel: chat}
        """,
    ])

    func responses(_ answers: [String: String], plan: QuizPlan) -> [String: Response] {
        var result: [String: Response] = [:]
        for (ref, question) in QuizPlan.questions(of: plan.items, quizID: plan.quiz.id.value) {
            if let text = answers[ref],
                case .success(let response?) = AnswerParser.parse(text, for: question)
            {
                result[ref] = response
            }
        }
        return result
    }

    @Test func goodPathScoresAlongTheLearnersOwnPath() throws {
        let quiz = try #require(Self.bank.quiz("week"))
        let plan = QuizPlan(quiz: quiz, bank: Self.bank, seed: 1)
        let answers = [
            "late-delivery/greet": "a", "late-delivery/lookup": "5 days",
            "late-delivery/escalation": "sorry, let me get my manager", "week/listen": "f",
        ]
        let result = QuizScorer.score(plan, responses: responses(answers, plan: plan))
        // Path greet → lookup: 2 + 1 earned; the scenario's maximum is its best path, 4.
        #expect(
            result.answers.map(\.ref) == [
                "late-delivery/greet", "late-delivery/lookup", "week/listen",
            ])
        #expect(result.ignored == ["late-delivery/escalation"])
        #expect(result.earned == 4)
        #expect(result.max == 5)
        #expect(result.percent == 80)
        #expect(result.passed)
        #expect(result.competencies["product-knowledge"] == CompetencyScore(earned: 3, max: 3))
        #expect(result.competencies["empathy"] == CompetencyScore(earned: 3, max: 3))
    }

    @Test func branchingFollowsTheChosenOptionAndUnansweredFollowsTheList() throws {
        let quiz = try #require(Self.bank.quiz("week"))
        let plan = QuizPlan(quiz: quiz, bank: Self.bank, seed: 1)
        let bad = QuizScorer.score(
            plan,
            responses: responses(
                [
                    "late-delivery/greet": "b",
                    "late-delivery/escalation": "I understand, a supervisor will call",
                ],
                plan: plan))
        #expect(
            bad.answers.map(\.ref).prefix(2) == ["late-delivery/greet", "late-delivery/escalation"])
        #expect(bad.earned == 2)
        #expect(bad.unanswered == 1)
        #expect(!bad.passed)
        let silent = QuizScorer.score(plan, responses: [:])
        // An unanswered greet follows the list: greet → lookup (lookup ends the scenario).
        #expect(
            silent.answers.map(\.ref) == [
                "late-delivery/greet", "late-delivery/lookup", "week/listen",
            ])
        #expect(silent.unanswered == 3)
        #expect(silent.max == 5)
    }

    @Test func drawsAndShufflesAreSeeded() throws {
        let quiz = try #require(Self.bank.quiz("drawn"))
        let first = QuizPlan(quiz: quiz, bank: Self.bank, seed: 7)
        let again = QuizPlan(quiz: quiz, bank: Self.bank, seed: 7)
        #expect(first.items.map(\.id) == again.items.map(\.id))
        #expect(first.items.count == 2)
        #expect(Set(first.items.map(\.id)).count == 2, "a draw never repeats a listed scenario")
        #expect(first.items.map(\.id).contains("chat-a"))
        var seen = Set<String>()
        for seed in 0..<40 {
            let plan = QuizPlan(quiz: quiz, bank: Self.bank, seed: UInt64(seed))
            seen.formUnion(plan.items.map(\.id))
        }
        #expect(seen == ["chat-a", "chat-b", "chat-c"])
    }

    @Test func orderItemsAreNeverShownInTheAnswerOrder() {
        let bank = F.bank([
            "quizzes/o.yaml": """
            id: o
            title: O
            items:
              - question:
                  id: q
                  kind: order
                  competency: empathy
                  prompt: P
                  items: [{id: a, text: A}, {id: b, text: B}]
            """
        ])
        guard let quiz = bank.quiz("o") else {
            Issue.record("quiz loads")
            return
        }
        for seed in 0..<20 {
            let plan = QuizPlan(quiz: quiz, bank: bank, seed: UInt64(seed))
            #expect(plan.displayOrder["o/q"] == ["b", "a"])
        }
    }

    @Test func seededGeneratorIsStable() {
        var generator = SeededGenerator(seed: 42)
        let values = (0..<3).map { _ in generator.next() }
        var again = SeededGenerator(seed: 42)
        #expect(values == (0..<3).map { _ in again.next() })
        var shuffler = SeededGenerator(seed: 3)
        #expect(shuffler.shuffled(Array(0..<10)).sorted() == Array(0..<10))
    }
}
