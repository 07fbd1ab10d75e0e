import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

/// The grader against the library's scorer: seeded random cohorts read from sheets and graded,
/// and each learner's attempt scored directly with `AnswerParser` and `QuizScorer.score`. The
/// two agree answer for answer, and an answer the scorer cannot take (an unknown ref, an answer
/// that cannot be read) is a rejected row.
@Suite("Grader equals QuizScorer")
struct GraderEquivalenceTests {
    struct Learner {
        var name: String
        /// A recorded attempt's seed; nil for a learner on the CSV sheet.
        var seed: UInt64?
        var answers: [(ref: String, text: String)]
    }

    /// `count` learners; every `seededEvery`-th one (if any) comes as a recorded attempt.
    static func learners(
        _ count: Int, bank: Bank, broken: Bool, seededEvery: Int?, seed: UInt64
    ) -> [Learner] {
        guard let quiz = bank.quiz("rq") else { return [] }
        let index = QuizIndex(quiz: quiz, bank: bank)
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { number in
            let seeded = seededEvery.map { number % $0 == 0 } ?? false
            return Learner(
                name: "l\(number)@example.com", seed: seeded ? UInt64(number + 1) : nil,
                answers: RandomCohort.answers(index: index, broken: broken, &generator))
        }
    }

    /// Reads and grades `learners`, checks every one against `QuizScorer`, and returns the
    /// graded cohort.
    @discardableResult
    static func check(bank: Bank, learners: [Learner], tableMemoryLimit: Int? = nil) throws
        -> GradedCohort
    {
        let reader = SheetReader(bank: bank)
        reader.rejectedLimit = .max
        if let tableMemoryLimit { reader.tableMemoryLimit = tableMemoryLimit }
        let onSheet = learners.filter { $0.seed == nil }
        try reader.read(
            file: "sheet.csv",
            bytes: Array(RandomCohort.sheet(onSheet.map { ($0.name, $0.answers) }).utf8))
        let recorded = learners.compactMap { learner in
            learner.seed.map { (learner.name, $0, learner.answers) }
        }
        if !recorded.isEmpty {
            try reader.read(file: "attempts.json", bytes: RandomCohort.attempts(recorded))
        }
        let cohort = try reader.cohort()
        let graded = Grader.grade(bank: bank, cohort: cohort)
        #expect(graded.learners.count == cohort.learners.count)
        let index = cohort.index
        let plan = GradingPlan(bank: bank, index: index)
        var rejectedLines: [Int] = []
        var rejectedAttempts = 0
        var line = 1
        for learner in learners {
            // The scorer's side: each answer read for its question, or rejected.
            var responses: [String: Response] = [:]
            for (ref, text) in learner.answers {
                if learner.seed == nil { line += 1 }
                let readable: Bool
                if let question = index.question(ref: ref),
                    case .success(let response) = AnswerParser.parse(
                        text, for: index.questions[question])
                {
                    readable = true
                    if let response { responses[ref] = response }
                } else {
                    readable = false
                }
                if !readable, learner.seed == nil { rejectedLines.append(line) }
                if !readable, learner.seed != nil { rejectedAttempts += 1 }
            }
            guard let offset = cohort.learners.firstIndex(where: { $0.learner == learner.name })
            else {
                #expect(learner.answers.isEmpty, "\(learner.name) is missing")
                continue
            }
            var planned = QuizPlan(quiz: index.quiz, bank: bank, seed: learner.seed ?? 0)
            if learner.seed == nil {
                planned.items = plan.blocks(cohort, learner: offset).map { index.blocks[$0].item }
            }
            let expected = QuizScorer.score(planned, responses: responses)
            compare(graded, graded.learners[offset], expected, answered: responses)
        }
        #expect(reader.rejected.filter { $0.file == "sheet.csv" }.map(\.line) == rejectedLines)
        #expect(reader.rejected.filter { $0.file == "attempts.json" }.count == rejectedAttempts)
        return graded
    }

    static func compare(
        _ graded: GradedCohort, _ learner: LearnerGrade, _ expected: QuizResult,
        answered: [String: Response]
    ) {
        let index = graded.index
        let name = learner.learner
        #expect(learner.earned == expected.earned, "\(name)")
        #expect(learner.max == expected.max, "\(name)")
        #expect(learner.percent == expected.percent, "\(name)")
        #expect(learner.passed == expected.passed, "\(name)")
        #expect(learner.unanswered == expected.unanswered, "\(name)")
        let answers = graded.answers(of: learner)
        #expect(answers.map { index.refs[$0.question] } == expected.answers.map(\.ref), "\(name)")
        #expect(answers.map(\.earned) == expected.answers.map(\.score.earned), "\(name)")
        #expect(answers.map(\.max) == expected.answers.map(\.score.max), "\(name)")
        #expect(answers.map(\.outcome) == expected.answers.map(\.score.outcome), "\(name)")
        #expect(
            answers.map {
                $0.answer >= 0 ? graded.answers.responses[$0.question][Int($0.answer)] : nil
            }
                == expected.answers.map(\.response), "\(name)")
        // Ignored: off the path (as the scorer says), or in a block the plan does not hold.
        let inPlan = Set(learner.blocks)
        var ignored = Set(expected.ignored)
        for (question, ref) in index.refs.enumerated()
        where answered[ref] != nil && !inPlan.contains(index.blockOfQuestion[question]) {
            ignored.insert(ref)
        }
        #expect(
            learner.ignored.map { index.refs[$0] }
                == ignored.sorted { a, b in
                    (index.question(ref: a) ?? 0) < (index.question(ref: b) ?? 0)
                }, "\(name)")
        for (offset, id) in index.competencies.enumerated() {
            #expect(
                learner.competencies[offset] == expected.competencies[id] ?? CompetencyScore(),
                "\(name) \(id)")
        }
    }

    /// Branching scenarios that loop back to their first step, two of them longer than 64 steps,
    /// CSV learners and recorded attempts (draws and shuffles from their seeds).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func cyclesAndLongScenarios(seed: UInt64) throws {
        let bank = RandomCohort.bank(
            RandomCohort.Shape(steps: [4, 70, 3, 66, 5, 2, 6, 3]), seed: seed)
        #expect(bank.scenarios.contains { $0.maxPoints == nil })  // a cycle
        let learners = Self.learners(240, bank: bank, broken: false, seededEvery: 5, seed: seed)
        let graded = try Self.check(bank: bank, learners: learners)
        // The walks reached more than 64 steps, and went round a cycle.
        #expect(graded.outcomes.joined().contains { $0.answers.count > 64 })
    }

    /// Broken banks: `next`s to missing steps, starts naming no step, a quiz listing a scenario
    /// the bank lacks, a draw larger than its pool; answers to refs the quiz does not have.
    /// The item analysis's columns of marks (codes for items of few distinct marks), made in
    /// slices of learners on all cores as a large cohort's are, or in one pass, give every
    /// learner's mark at their place, NaN for a question off their path: checked against the
    /// marks read from each learner's grade.
    @Test func marksColumnsGiveEachLearnersMark() throws {
        let bank = RandomCohort.bank(RandomCohort.Shape(steps: [4, 70, 3, 66, 5]), seed: 2)
        let learners = Self.learners(333, bank: bank, broken: false, seededEvery: 6, seed: 2)
        let graded = try Self.check(bank: bank, learners: learners)
        let marks = GradedMarks(graded, tally: graded.learners.tally(graded.outcomes))
        let count = marks.totals.count
        #expect(count == 333)
        let order = (0..<count).sorted { marks.totals[$0] < marks.totals[$1] }
        var rank = [Int32](repeating: 0, count: count)
        for (place, learner) in order.enumerated() { rank[learner] = Int32(place) }
        // Each learner's marks from their grade: question -> earned.
        let item = Dictionary(uniqueKeysWithValues: marks.questions.enumerated().map { ($1, $0) })
        var expected = [UInt64](
            repeating: Double.nan.bitPattern, count: marks.questions.count * count)
        for learner in 0..<count {
            let grade = graded.learners[learner]
            for (block, outcome) in zip(grade.blocks, grade.outcomes) {
                for answer in graded.outcomes[block][Int(outcome)].answers {
                    let column = try #require(item[answer.question])
                    expected[column * count + Int(rank[learner])] = answer.earned.bitPattern
                }
            }
        }
        #expect(expected.contains(Double.nan.bitPattern))
        func bits(_ columns: MarkColumns, items: Int) -> [UInt64] {
            (0..<items).flatMap { item in columns.withColumn(item) { $0.map(\.bitPattern) } }
        }
        let items = 0..<marks.questions.count
        let whole = marks.columns(items, rank: rank, slices: 1)
        #expect(whole.values.contains { $0 != nil })
        #expect(bits(whole, items: items.count) == expected)
        for slices in [2, 3, 7] {
            let columns = marks.columns(items, rank: rank, slices: slices)
            #expect(bits(columns, items: items.count) == expected, "\(slices) slices")
        }
        // Groups cover the items in order.
        #expect(Array(marks.groups.joined()) == Array(items))
        // Items of more than two distinct marks as marks, beside the others as codes.
        let mixed = GradedMarks(
            graded, tally: graded.learners.tally(graded.outcomes), codeLimit: 2)
        let columns = mixed.columns(items, rank: rank, slices: 2)
        #expect(columns.values.contains { $0 == nil } && columns.values.contains { $0 != nil })
        #expect(bits(columns, items: items.count) == expected)
    }

    /// How many learners reached each outcome, counted in slices on all cores as a large
    /// cohort's are, or in one pass: as each learner's grade says.
    @Test func tallyInSlicesCountsEveryLearnersOutcomes() throws {
        let bank = RandomCohort.bank(RandomCohort.Shape(steps: [3, 4, 2, 5]), seed: 5)
        let learners = Self.learners(301, bank: bank, broken: false, seededEvery: 4, seed: 5)
        let graded = try Self.check(bank: bank, learners: learners)
        var expected = graded.outcomes.map { [Int](repeating: 0, count: $0.count) }
        for learner in graded.learners.indices {
            let grade = graded.learners[learner]
            for (block, outcome) in zip(grade.blocks, grade.outcomes) {
                expected[block][Int(outcome)] += 1
            }
        }
        #expect(expected.joined().reduce(0, +) > 301)
        for slices in [1, 2, 5, 1000] {
            #expect(graded.learners.tally(graded.outcomes, slices: slices) == expected)
        }
        // Only the first learners.
        var first = graded.outcomes.map { [Int](repeating: 0, count: $0.count) }
        for learner in 0..<100 {
            let grade = graded.learners[learner]
            for (block, outcome) in zip(grade.blocks, grade.outcomes) {
                first[block][Int(outcome)] += 1
            }
        }
        #expect(graded.learners.tally(graded.outcomes, slices: 2, first: 100) == first)
    }

    @Test(arguments: [4, 5, 6] as [UInt64])
    func brokenBanks(seed: UInt64) throws {
        let bank = RandomCohort.bank(
            RandomCohort.Shape(steps: [3, 5, 4, 6, 2, 3, 4], broken: true), seed: seed)
        let learners = Self.learners(240, bank: bank, broken: true, seededEvery: 4, seed: seed)
        try Self.check(bank: bank, learners: learners)
    }

    /// A cohort large enough to be graded in slices on all cores.
    @Test func largeCohortInSlices() throws {
        let bank = RandomCohort.bank(RandomCohort.Shape(steps: [3, 4, 2, 5, 3]), seed: 7)
        let learners = Self.learners(4_200, bank: bank, broken: false, seededEvery: nil, seed: 7)
        let graded = try Self.check(bank: bank, learners: learners)
        #expect(graded.learners.count >= 4_096)
    }

    /// A grader that keeps few or no outcomes and competency points in plain values (the others
    /// read from the outcome every time) grades every learner as one that keeps them all.
    @Test(arguments: [(0, 0), (5, 7), (1 << 17, 0), (3, 1 << 18)])
    func outcomesReadFromTheOutcomesAddUpTheSame(outcomes: Int, points: Int) throws {
        let bank = RandomCohort.bank(
            RandomCohort.Shape(steps: [3, 5, 4, 6, 2, 3, 4], broken: true), seed: 12)
        let learners = Self.learners(300, bank: bank, broken: true, seededEvery: nil, seed: 12)
        let reader = SheetReader(bank: bank)
        reader.rejectedLimit = .max
        try reader.read(
            file: "sheet.csv",
            bytes: Array(RandomCohort.sheet(learners.map { ($0.name, $0.answers) }).utf8))
        let cohort = try reader.cohort()
        var keeping = Grader(bank: bank, cohort: cohort)
        var reading = Grader(bank: bank, cohort: cohort)
        reading.outcomeBudget = outcomes
        reading.pointBudget = points
        for learner in cohort.learners.indices {
            let kept = keeping.grade(learner)
            let read = reading.grade(learner)
            #expect(kept.outcomes == read.outcomes)
            #expect(kept.earned == read.earned && kept.max == read.max)
            #expect(kept.unanswered == read.unanswered && kept.ignored == read.ignored)
            #expect(kept.competencies.map(\.earned) == read.competencies.map(\.earned))
            #expect(kept.competencies.map(\.max) == read.competencies.map(\.max))
        }
    }

    /// The same with every table in a temporary file, and learners with recorded attempts: the
    /// slices' tables are appended to the first slice's at once, one table per core.
    @Test func largeCohortInSlicesWithSpilledTables() throws {
        let bank = RandomCohort.bank(RandomCohort.Shape(steps: [3, 4, 2, 5, 3]), seed: 8)
        let learners = Self.learners(4_300, bank: bank, broken: false, seededEvery: 9, seed: 8)
        let graded = try Self.check(bank: bank, learners: learners, tableMemoryLimit: 4096)
        #expect(graded.learners.count >= 4_096)
        #expect(graded.learners.isSpilled)
    }

    /// The HTML and Markdown reports and the terminal table of a large cohort come in bounded
    /// pieces (each about 256 KB, the last smaller), which joined are the report made whole.
    @Test(arguments: [ReportFormat.html, .markdown, .table])
    func textReportsComeInBoundedPieces(format: ReportFormat) throws {
        let bank = RandomCohort.bank(RandomCohort.Shape(steps: [3, 4, 2, 5, 3]), seed: 7)
        let learners = Self.learners(4_200, bank: bank, broken: false, seededEvery: nil, seed: 7)
        let report = GradeReport(graded: try Self.check(bank: bank, learners: learners))
        var pieces: [[UInt8]] = []
        GradeRendering.render(report, format: format) { pieces.append($0) }
        #expect(pieces.count > 2)
        #expect(pieces.dropLast().allSatisfy { $0.count >= TextPieces.pieceBytes })
        #expect(pieces.allSatisfy { $0.count < TextPieces.pieceBytes + 64 << 10 })
        #expect(Array(pieces.joined()) == GradeRendering.render(report, format: format))
    }

    /// The JSON report rendered into buffers handed back the moment each piece is taken (the
    /// most reuse a writer can make) is byte for byte the report rendered into new ones.
    @Test func jsonRenderedIntoReusedBuffersIsTheSame() throws {
        let bank = RandomCohort.bank(RandomCohort.Shape(steps: [3, 4, 2, 5, 3]), seed: 11)
        let learners = Self.learners(1_500, bank: bank, broken: true, seededEvery: 7, seed: 11)
        let graded = try Self.check(bank: bank, learners: learners)
        let report = GradeReport(graded: graded)
        let fresh = GradeJSON.render(report)
        let buffers = ByteBuffers(limit: 2)
        var reused: [UInt8] = []
        var pieces = 0
        GradeJSON.render(report, buffers: buffers) { piece in
            reused.append(contentsOf: piece)
            buffers.give(piece)
            pieces += 1
        }
        #expect(pieces > 4)
        #expect(reused == fresh)
        // Outcomes whose pieces are not rendered in advance (none of them, or the first few of
        // each block) are rendered as met: the same report.
        let kept = GradeJSON.keptOutcomes(graded, budget: 3_000)
        #expect(kept.reduce(0, +) > 0)
        #expect(zip(kept, graded.outcomes).contains { $0 < $1.count })
        for budget in [0, 3_000] {
            var bytes: [UInt8] = []
            GradeJSON.render(report, pieceBudget: budget) { bytes.append(contentsOf: $0) }
            #expect(bytes == fresh, "budget \(budget)")
        }
    }
}
