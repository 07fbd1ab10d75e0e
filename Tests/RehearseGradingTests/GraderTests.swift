import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

@Suite("Grader")
struct GraderTests {
    /// A random long sheet for `quiz`: every learner answers about five in six of the questions
    /// the quiz can ask (so branching scenarios and draws leave answers off the path).
    static func sheet(bank: Bank, quiz: String, learners: Int, seed: UInt64) -> String {
        guard let found = bank.quiz(quiz) else { return "" }
        let index = QuizIndex(quiz: found, bank: bank)
        var generator = SeededGenerator(seed: seed)
        var text = "learner,quiz,question,answer\n"
        for learner in 0..<learners {
            for (ref, question) in zip(index.refs, index.questions) where generator.below(6) > 0 {
                var answer = RandomCohort.answer(question, &generator)
                if case .text = question.body { answer = "sorry, I'll get a manager" }
                if case .number = question.body {
                    answer = ["5 days", "3", ""][generator.below(3)]
                }
                text += "l\(learner)@example.com,\(quiz),\(ref),\"\(answer)\"\n"
            }
        }
        return text
    }

    @Test func drawsTakeTheScenariosTheLearnerAnswered() throws {
        let bank = GradingFixtures.bank
        let quiz = try #require(bank.quiz("drill"))
        let index = QuizIndex(quiz: quiz, bank: bank)
        #expect(
            index.draws.map { $0.pool.map { index.blocks[$0].item.id } } == [
                ["chat-b", "chat-c"], ["chat-a", "chat-b", "chat-c"],
            ])
        // Answering chat-c only: the first draw takes it, the second is filled up with chat-a
        // (first in id order of what is left); an answer to chat-b, beyond both draws' counts,
        // would be ignored.
        let text = """
            learner,quiz,question,answer
            x@example.com,drill,chat-c/open,a
            y@example.com,drill,chat-c/open,a
            y@example.com,drill,chat-b/close,true
            y@example.com,drill,chat-a/open,b

            """
        let (_, cohort) = try GradingFixtures.read([("d.csv", Array(text.utf8))])
        let grader = Grader(bank: bank, cohort: cohort)
        #expect(cohort.learners.count == 2)
        #expect(
            grader.planBlocks(learner: 0).map { index.blocks[$0].item.id } == [
                "chat-c", "chat-a", "names",
            ])
        #expect(
            grader.planBlocks(learner: 1).map { index.blocks[$0].item.id } == [
                "chat-b", "chat-a", "names",
            ])
        let graded = Grader.grade(bank: bank, cohort: cohort)
        #expect(graded.learners[1].ignored.map { index.refs[$0] } == ["chat-c/open"])
        #expect(graded.learners[1].earned == 1)
        #expect(graded.learners[1].max == 5)
    }

    @Test func recordedSeedGivesTheTakePlan() throws {
        let bank = GradingFixtures.bank
        let quiz = try #require(bank.quiz("drill"))
        let index = QuizIndex(quiz: quiz, bank: bank)
        for seed in 0..<20 as Range<UInt64> {
            let sheet = LearnerSheet(learner: "x", file: "x.json", line: 1, seed: seed)
            let cohort = Cohort(
                index: index, answers: AnswerBook(questions: index.questions), learners: [sheet],
                responses: [Int32](repeating: -1, count: index.questions.count))
            let grader = Grader(bank: bank, cohort: cohort)
            let plan = QuizPlan(quiz: quiz, bank: bank, seed: seed)
            #expect(
                grader.planBlocks(learner: 0).map { index.blocks[$0].item.id }
                    == plan.items.map(\.id))
        }
    }

    /// Learners who answer a block alike share one outcome; a different answer makes another.
    @Test func learnersShareOutcomes() throws {
        let text = """
            learner,quiz,question,answer
            a@example.com,q,late-delivery/greet,a
            b@example.com,q,late-delivery/greet,a
            c@example.com,q,late-delivery/greet,b

            """
        let (_, report) = try GradingFixtures.grade(text)
        let block = try #require(report.index.block(scenario: "late-delivery"))
        #expect(report.graded.outcomes[block].count == 2)
        #expect(report.graded.learners.map { $0.outcomes[0] } == [0, 0, 1])
    }
}
