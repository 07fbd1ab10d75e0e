import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

@Suite("Grader")
struct GraderTests {
    /// A plausible answer (right, wrong or empty) for any question, from a seeded generator.
    static func answer(_ question: Question, _ generator: inout SeededGenerator) -> String {
        if generator.below(8) == 0 { return "" }
        switch question.body {
        case .choice(let options):
            return options[generator.below(options.count)].id.value
        case .multi(let options, _):
            let picked = options.filter { _ in generator.below(2) == 0 }.map(\.id.value)
            return picked.isEmpty ? options[0].id.value : picked.joined(separator: ",")
        case .truefalse:
            return generator.below(2) == 0 ? "true" : "false"
        case .order(let items, _):
            return generator.shuffled(items.map(\.id.value)).joined(separator: ",")
        case .text(let answer):
            let words = answer.accept + answer.rubric.flatMap(\.any) + ["no idea"]
            return words.shuffled(using: &generator).prefix(2).joined(separator: " ")
        case .number(let answer):
            let value = answer.answer ?? answer.range?.lowerBound ?? 1
            return generator.below(2) == 0 ? "\(value)" : "\(value + 1)"
        case .rate(let responses, let scale):
            return responses.map { "\($0.id.value)=\(1 + generator.below(scale))" }
                .joined(separator: ",")
        }
    }

    /// A random long sheet for `quiz`: every learner answers every question the quiz can ask
    /// (so branching scenarios and draws leave answers off the path).
    static func sheet(quiz: String, learners: Int, seed: UInt64) -> String {
        let bank = GradingFixtures.sampleBank
        guard let found = bank.quiz(quiz) else { return "" }
        let index = QuizIndex(quiz: found, bank: bank)
        var generator = SeededGenerator(seed: seed)
        var text = "learner,quiz,question,answer\n"
        for learner in 0..<learners {
            for (ref, question) in zip(index.refs, index.questions) where generator.below(6) > 0 {
                let answer = Self.answer(question, &generator).replacingOccurrences(
                    of: "\"", with: "\"\"")
                text += "l\(learner)@example.com,\(quiz),\(ref),\"\(answer)\"\n"
            }
        }
        return text
    }

    /// Every learner's grade equals `QuizScorer.score` over their whole plan.
    @Test(arguments: ["week-one", "daily-drill", "empathy-essentials", "remote-support"])
    func sameAsQuizScorer(quiz: String) throws {
        let bank = GradingFixtures.sampleBank
        let (reader, cohort) = try GradingFixtures.read(
            [("s.csv", Array(Self.sheet(quiz: quiz, learners: 60, seed: 42).utf8))])
        #expect(reader.rejected.isEmpty)
        let graded = Grader.grade(bank: bank, cohort: cohort)
        let reference = Grader.grade(bank: bank, cohort: cohort, reference: true)
        let index = cohort.index
        let grader = Grader(bank: bank, cohort: cohort)
        for (offset, sheet) in cohort.learners.enumerated() {
            let learner = graded.learners[offset]
            var plan = QuizPlan(quiz: index.quiz, bank: bank, seed: 0)
            plan.items = grader.planBlocks(sheet).map { index.blocks[$0].item }
            var responses: [String: Response] = [:]
            for (question, code) in sheet.responses.enumerated() where code >= 0 {
                if let response = cohort.answers.responses[question][Int(code)] {
                    responses[index.refs[question]] = response
                }
            }
            let expected = QuizScorer.score(plan, responses: responses)
            #expect(learner.earned == expected.earned)
            #expect(learner.max == expected.max)
            #expect(learner.percent == expected.percent)
            #expect(learner.passed == expected.passed)
            #expect(learner.unanswered == expected.unanswered)
            let answers = graded.answers(of: learner)
            #expect(answers.map { index.refs[$0.question] } == expected.answers.map(\.ref))
            #expect(answers.map(\.earned) == expected.answers.map(\.score.earned))
            #expect(Set(expected.ignored).isSubset(of: Set(learner.ignored.map { index.refs[$0] })))
            for (id, score) in expected.competencies {
                let position = try #require(index.competencies.firstIndex(of: id))
                #expect(learner.competencies[position] == score)
            }
            // The reference mode (QuizScorer per block) agrees too.
            let other = reference.learners[offset]
            #expect(other.earned == learner.earned && other.competencies == learner.competencies)
        }
    }

    @Test func drawsTakeTheScenariosTheLearnerAnswered() throws {
        let bank = GradingFixtures.sampleBank
        let quiz = try #require(bank.quiz("daily-drill"))
        let index = QuizIndex(quiz: quiz, bank: bank)
        let draw = try #require(index.draws.first)
        let pool = draw.pool.map { index.blocks[$0] }
        // Answer one step of the last scenario of the first draw's pool only.
        guard case .scenario(let scenario)? = pool.last?.item else {
            Issue.record("the pool has no scenario")
            return
        }
        let step = try #require(scenario.steps.first)
        let answer = Self.answer(step, &Self.generator)
        let text =
            "learner,quiz,question,answer\nx@example.com,daily-drill,\(scenario.id.value)/\(step.id.value),\"\(answer)\"\n"
        let (_, cohort) = try GradingFixtures.read([("d.csv", Array(text.utf8))])
        let grader = Grader(bank: bank, cohort: cohort)
        let blocks = try #require(cohort.learners.first.map(grader.planBlocks))
        #expect(blocks.contains(index.block(scenario: scenario.id.value) ?? -1))
        // Every draw is filled up to its count.
        #expect(
            blocks.count
                == quiz.items.reduce(0) { total, item in
                    if case .draw(let draw) = item { return total + draw.count.value }
                    return total + 1
                })
    }

    nonisolated(unsafe) static var generator = SeededGenerator(seed: 3)

    @Test func recordedSeedGivesTheTakePlan() throws {
        let bank = GradingFixtures.sampleBank
        let quiz = try #require(bank.quiz("daily-drill"))
        let index = QuizIndex(quiz: quiz, bank: bank)
        let sheet = LearnerSheet(
            learner: "x", file: "x.json", line: 1, seed: 99, attempt: nil,
            responses: [Int32](repeating: -1, count: index.questions.count))
        let cohort = Cohort(
            index: index, answers: AnswerBook(questions: index.questions), learners: [sheet])
        let grader = Grader(bank: bank, cohort: cohort)
        let plan = QuizPlan(quiz: quiz, bank: bank, seed: 99)
        #expect(
            grader.planBlocks(sheet).map { PlannedItem.idOf(index.blocks[$0].item) }
                == plan.items.map(\.id))
    }
}

extension PlannedItem {
    static func idOf(_ item: PlannedItem) -> String { item.id }
}
