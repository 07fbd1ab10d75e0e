import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Grades a cohort with the library's one scorer, through caches.
///
/// The grader scores nothing its own way. A block's outcome (a scenario, or an inline question)
/// is remembered per distinct combination of answers to the block's questions; on a miss the
/// block is walked by `ScenarioSteps.route` (the walk `ScenarioWalk` makes) and each answer on the
/// path scored by `QuestionScorer`. Behind that, each distinct (question, answer) is scored once
/// and the step after each distinct answer (`ScenarioSteps.successor`) is found once. Totals,
/// percent, pass and competencies add up in the order `QuizScorer` adds them over the learner's
/// whole plan, so the results are the same numbers (tests compare every learner with
/// `QuizScorer.score`). Learners who answered a block alike share its outcome.
public struct Grader {
    public let bank: Bank
    public let cohort: Cohort
    public let plan: GradingPlan
    private(set) var outcomes: [[BlockOutcome]]
    /// Per block and outcome: what a learner's totals take from it, and its answers' points per
    /// competency, in the order `grade` adds them (a cache of `outcomes` in plain values, read
    /// for every block of every learner without copying an outcome's arrays).
    private var totals: [[OutcomeTotals]]
    private var points: [CompetencyPoint] = []
    private var keptOutcomes = 0
    /// Per block: outcome number by answers, packed in a word when they fit (`bits` per answer),
    /// else as the list of answer numbers.
    private(set) var packedMemo: [[UInt64: Int32]]
    private(set) var listMemo: [[[Int32]: Int32]]
    private let bits: [Int]
    /// A cache in front of `packedMemo` for blocks whose packed answers take at most
    /// `denseBits` bits: the outcome number at `denseStart[block] + key`, -1 until met
    /// (`denseStart` -1: the block has none).
    private var denseMemo: [Int32]
    private let denseStart: [Int]
    static let denseBits = 12
    /// The most entries all blocks' dense caches may have together.
    static let denseLimit = 1 << 20
    /// Per question: its competency indices (its own, else its scenario's), flat: question q's
    /// are `competencyList[competencyStart[q]..<competencyStart[q + 1]]`.
    private let competencyList: [Int]
    private let competencyStart: [Int]
    /// Per question: the score of each answer number (slot 0: no answer), filled as met.
    private var scores: [[QuestionScore?]]
    /// Per question (a scenario step): the step offset after each answer number (slot 0: no
    /// answer); -1 for the end, -2 not yet known.
    private var successors: [[Int32]]
    /// Per block: the scenario's steps (nil for an inline question) and its maximum.
    private let steps: [ScenarioSteps?]
    /// Per block: the range of its questions (kept apart: copying a block copies its scenario).
    private let blockRanges: [Range<Int>]
    private let quizID: String
    private let passPercent: Double
    private let competencyCount: Int
    /// Per (question, answer number): answered and not empty; flat, this grader's own copy (the
    /// threads grading slices never share a buffer they read in the hot loop).
    private let answeredTable: [Bool]
    private let answeredStart: [Int]
    /// Per question, its block (this grader's own copy of the index's).
    private let blockOfQuestion: [Int]
    /// Per block, whether it is in the plan of the learner being graded (all false between
    /// learners; see `answered(outside:_:into:)`).
    private var inPlan: [Bool] = []

    public init(bank: Bank, cohort: Cohort) {
        self.bank = bank
        self.cohort = cohort
        let index = cohort.index
        plan = GradingPlan(bank: bank, index: index)
        outcomes = Array(repeating: [], count: index.blocks.count)
        totals = Array(repeating: [], count: index.blocks.count)
        packedMemo = Array(repeating: [:], count: index.blocks.count)
        listMemo = Array(repeating: [:], count: index.blocks.count)
        bits = index.blocks.map { block in
            var largest = 0
            for question in block.questions {
                largest = Swift.max(largest, cohort.answers.texts[question].count)
            }
            let width = Swift.max(1, Int.bitWidth - (largest + 1).leadingZeroBitCount)
            return width * block.questions.count <= 64 ? width : 0
        }
        var denseStart: [Int] = []
        var denseCount = 0
        for (block, width) in zip(index.blocks, bits) {
            let keyBits = width * block.questions.count
            if width > 0, keyBits <= Self.denseBits, denseCount + (1 << keyBits) <= Self.denseLimit
            {
                denseStart.append(denseCount)
                denseCount += 1 << keyBits
            } else {
                denseStart.append(-1)
            }
        }
        self.denseStart = denseStart
        denseMemo = Array(repeating: -1, count: denseCount)
        var competencies: [String: Int] = [:]
        for (offset, id) in index.competencies.enumerated() { competencies[id] = offset }
        var list: [Int] = []
        var starts = [0]
        for block in index.blocks {
            for question in block.questions {
                let ids: [String]
                switch block.item {
                case .scenario(let scenario):
                    ids = scenario.competencies(of: index.questions[question])
                case .question(let question): ids = question.competencies.map(\.value)
                }
                list += ids.compactMap { competencies[$0] }
                starts.append(list.count)
            }
        }
        competencyList = list
        competencyStart = starts
        steps = index.blocks.map { block in
            if case .scenario(let scenario) = block.item { return ScenarioSteps(scenario) }
            return nil
        }
        blockRanges = plan.questions
        blockOfQuestion = index.blockOfQuestion.map { $0 }
        quizID = index.quiz.id.value
        passPercent = index.quiz.passPercent
        competencyCount = index.competencies.count
        var answeredFlags: [Bool] = []
        var answeredStarts: [Int] = []
        for question in index.questions.indices {
            answeredStarts.append(answeredFlags.count)
            for response in cohort.answers.responses[question] {
                answeredFlags.append(response != nil)
            }
        }
        answeredTable = answeredFlags
        answeredStart = answeredStarts
        scores = index.questions.indices.map {
            Array(repeating: nil, count: cohort.answers.texts[$0].count + 1)
        }
        successors = index.questions.indices.map {
            Array(repeating: -2, count: cohort.answers.texts[$0].count + 1)
        }
    }

    /// Grades every learner.
    /// Large cohorts (4,096 learners and more) are graded in slices on all cores, each slice with
    /// its own grader; the slices' outcomes are then merged (an outcome two slices both reached,
    /// for the same answers, is kept once) and the learners' outcome numbers renumbered to
    /// match.
    public static func grade(bank: Bank, cohort: Cohort) -> GradedCohort {
        let count = cohort.learners.count
        let slices = count >= 4096 ? Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let size = (count + slices - 1) / Swift.max(1, slices)
        let ranges = stride(from: 0, to: count, by: Swift.max(1, size)).map {
            $0..<Swift.min(count, $0 + size)
        }
        // The graded learners' tables spill to files as the cohort's answers do.
        let limit = cohort.table.memoryLimit
        let competencyCount = cohort.index.competencies.count
        let blocks = cohort.index.blocks.count
        guard ranges.count > 1 else {
            var grader = Grader(bank: bank, cohort: cohort)
            var learners = GradedLearners(competencyCount: competencyCount, memoryLimit: limit)
            learners.reserve(count, outcomes: count * blocks)
            grader.grade(0..<count, into: &learners)
            return GradedCohort(
                index: cohort.index, answers: cohort.answers, outcomes: grader.outcomes,
                learners: learners)
        }
        // Each slice writes its learners' rows of the whole cohort's tables in place.
        let shared = GradedLearners.sliced(
            count: count, outcomesPerLearner: blocks, competencyCount: competencyCount,
            memoryLimit: limit)
        let parts = parallelMap(ranges) { range in
            var grader = Grader(bank: bank, cohort: cohort)
            var learners = GradedLearners.slice(range, of: shared, outcomesPerLearner: blocks)
            grader.grade(range, into: &learners)
            return (learners, grader.outcomes, grader.packedMemo, grader.listMemo)
        }
        // The first slice becomes the whole cohort: its outcome numbers, names, plans and files
        // are the merged ones; each later slice's are numbered among them.
        var merged = OutcomeMerge(first: parts[0].1, packed: parts[0].2, lists: parts[0].3)
        var whole = parts[0].0
        whole.slot = nil
        for (part, rows) in zip(parts.dropFirst(), ranges.dropFirst()) {
            let renumber = merged.add(part.1, packed: part.2, lists: part.3)
            whole.merge(part.0, rows: rows, renumber: renumber)
        }
        whole.release()
        let outcomes = merged.outcomes
        merged = OutcomeMerge(blocks: 0)
        FreedMemory.release()
        return GradedCohort(
            index: cohort.index, answers: cohort.answers, outcomes: outcomes, learners: whole)
    }

    /// Grades the learners at `rows` into `learners`, giving back the cohort's rows as they are
    /// graded (a spilled table keeps them in its file).
    private mutating func grade(_ rows: Range<Int>, into learners: inout GradedLearners) {
        let responses = UnsafeBufferPointer(cohort.table.buffer)
        let width = cohort.questionCount
        var released = rows.lowerBound
        for learner in rows {
            learners.append(grade(learner, responses: responses))
            if learner - released >= 4096 {
                cohort.table.release((released * width)..<(learner * width))
                released = learner
            }
        }
    }

    /// The blocks of the plan of the cohort's learner number `learner`, in plan order (see
    /// `GradingPlan`).
    public func planBlocks(learner: Int) -> [Int] { plan.blocks(cohort, learner: learner) }

    /// Grades the cohort's learner number `learner`.
    public mutating func grade(_ learner: Int) -> LearnerGrade {
        grade(learner, responses: UnsafeBufferPointer(cohort.table.buffer))
    }

    /// Grades the cohort's learner number `learner`, whose answers are a row of `all`.
    mutating func grade(_ learner: Int, responses all: UnsafeBufferPointer<Int32>) -> LearnerGrade {
        let sheet = cohort.learners[learner]
        let count = cohort.index.questions.count
        let responses = UnsafeBufferPointer(
            rebasing: all[(learner * count)..<(learner * count + count)])
        let blocks = plan.blocks(seed: sheet.seed) { responses[$0] >= 0 }
        let blockCount = blockRanges.count
        var outcomeIDs: [Int32] = []
        outcomeIDs.reserveCapacity(blocks.count)
        var earned = 0.0
        var max = 0.0
        var unanswered = 0
        var ignored: [Int] = []
        var competencies = [CompetencyScore](
            repeating: CompetencyScore(), count: competencyCount)
        for block in blocks {
            let id = outcome(block: block, responses: responses)
            outcomeIDs.append(id)
            // The outcome's totals as kept, or (past the budget) taken from the outcome.
            let total =
                Int(id) < totals[block].count
                ? totals[block][Int(id)] : OutcomeTotals(outcomes[block][Int(id)], points: nil)
            earned += total.earned
            max += total.max
            unanswered += Int(total.unanswered)
            if total.hasIgnored { ignored += outcomes[block][Int(id)].ignored }
            if total.pointsCount >= 0 {
                for slot in Int(total.pointsStart)..<Int(total.pointsStart + total.pointsCount) {
                    let point = points[slot]
                    competencies[point.competency].earned += point.earned
                    competencies[point.competency].max += point.max
                }
            } else {
                // Not through `forEachPoint`: calling a method with a closure here made Swift
                // copy the whole grader for every block past the cache.
                CompetencyPoint.forEach(
                    of: outcomes[block][Int(id)], list: competencyList, starts: competencyStart
                ) { point in
                    competencies[point.competency].earned += point.earned
                    competencies[point.competency].max += point.max
                }
            }
        }
        // Answers to blocks outside the plan (scenarios not drawn) are ignored too.
        if blocks.count < blockCount { answered(outside: blocks, responses, into: &ignored) }
        // Percent and pass as the scorer defines them.
        let result = QuizResult(
            quizID: quizID, answers: [], ignored: [], earned: earned, max: max,
            passPercent: passPercent, competencies: [:])
        return LearnerGrade(
            learner: sheet.learner, file: sheet.file, line: sheet.line, blocks: blocks,
            outcomes: outcomeIDs, ignored: ignored.isEmpty ? [] : ignored.sorted(), earned: earned,
            max: max, percent: result.percent, passed: result.passed, competencies: competencies,
            unanswered: unanswered, seed: sheet.seed, attempt: sheet.attempt)
    }

    /// The outcome of `block` for these responses: looked up, or scored once and remembered.
    mutating func outcome(block: Int, responses: UnsafeBufferPointer<Int32>) -> Int32 {
        let range = blockRanges[block]
        let width = bits[block]
        if width > 0 {
            var key: UInt64 = 0
            for question in range {
                key = key << UInt64(width) | UInt64(UInt32(bitPattern: responses[question] + 1))
            }
            let dense = denseStart[block]
            if dense >= 0, denseMemo[dense + Int(key)] >= 0 { return denseMemo[dense + Int(key)] }
            let id = packedMemo[block][key] ?? score(block: block, responses: responses)
            packedMemo[block][key] = id
            if dense >= 0 { denseMemo[dense + Int(key)] = id }
            return id
        }
        let key = Array(responses[range])
        if let known = listMemo[block][key] { return known }
        let id = score(block: block, responses: responses)
        listMemo[block][key] = id
        return id
    }

    /// Scores `block` for these responses and remembers the outcome.
    mutating func score(block: Int, responses: UnsafeBufferPointer<Int32>) -> Int32 {
        let outcome: BlockOutcome
        if let steps = steps[block] {
            outcome = walk(steps, from: blockRanges[block].lowerBound, responses: responses)
        } else {
            let question = blockRanges[block].lowerBound
            let answer = graded(question, responses[question])
            outcome = BlockOutcome(
                answers: [answer], ignored: [], earned: answer.earned, max: answer.max,
                unanswered: answer.outcome == .unanswered ? 1 : 0)
        }
        outcomes[block].append(outcome)
        // Outcomes are kept in plain values while they fit the budget (the outcomes most
        // learners reach are met first); past it, each is read from the outcome every time.
        // A block's are kept from its first on, so outcome number i is at place i.
        if totals[block].count == outcomes[block].count - 1, keptOutcomes < outcomeBudget {
            var found: [CompetencyPoint] = []
            if points.count < pointBudget { forEachPoint(of: outcome) { found.append($0) } }
            totals[block].append(
                OutcomeTotals(
                    outcome,
                    points: points.count < pointBudget
                        ? points.count..<(points.count + found.count) : nil))
            points += found
            keptOutcomes += 1
        }
        return Int32(outcomes[block].count - 1)
    }

    /// How many outcomes (32 bytes each) and competency points (24 bytes each) a grader keeps
    /// in plain values: 1 and 1.5 MB.
    var outcomeBudget = 1 << 15
    var pointBudget = 1 << 16

    /// The points of an outcome's answers toward their questions' competencies, in the order a
    /// learner's competency scores add them: answer by answer, each question's competencies in
    /// order.
    func forEachPoint(of outcome: BlockOutcome, _ body: (CompetencyPoint) -> Void) {
        CompetencyPoint.forEach(of: outcome, list: competencyList, starts: competencyStart, body)
    }

    /// A scenario whose first step is question `first`, walked with `ScenarioSteps.route` as
    /// `ScenarioWalk` walks it; the earned and maximum points add up as `ScenarioWalk` adds them.
    mutating func walk(
        _ steps: ScenarioSteps, from first: Int, responses: UnsafeBufferPointer<Int32>
    ) -> BlockOutcome {
        let route = steps.route(
            next: { offset in successor(steps, first, offset, responses[first + offset]) },
            answered: { offset in isAnswered(first + offset, responses[first + offset]) })
        var answers: [GradedAnswer] = []
        answers.reserveCapacity(route.path.count)
        var unanswered = 0
        for offset in route.path {
            let answer = graded(first + offset, responses[first + offset])
            if answer.outcome == .unanswered { unanswered += 1 }
            answers.append(answer)
        }
        let earned = answers.reduce(0) { $0 + $1.earned }
        let max = steps.maxPoints ?? answers.reduce(0) { $0 + $1.max }
        return BlockOutcome(
            answers: answers, ignored: route.ignored.map { first + $0 }, earned: earned, max: max,
            unanswered: unanswered)
    }

    /// One answer scored by `QuestionScorer`, each distinct (question, answer number) once.
    mutating func graded(_ question: Int, _ code: Int32) -> GradedAnswer {
        let slot = Int(code) + 1
        let score: QuestionScore
        if let known = scores[question][slot] {
            score = known
        } else {
            score = QuestionScorer.score(
                response(question, code), for: cohort.index.questions[question])
            scores[question][slot] = score
        }
        return GradedAnswer(
            question: question, answer: isAnswered(question, code) ? code : -1,
            earned: score.earned, max: score.max, outcome: score.outcome)
    }

    /// The offset of the step after step `offset` of `steps` (question `first + offset`) for an
    /// answer number, from `ScenarioSteps.successor`, each distinct (question, answer number)
    /// once.
    mutating func successor(_ steps: ScenarioSteps, _ first: Int, _ offset: Int, _ code: Int32)
        -> Int?
    {
        let question = first + offset
        let slot = Int(code) + 1
        var next = successors[question][slot]
        if next == -2 {
            next =
                steps.successor(after: offset, response: response(question, code))
                .map(Int32.init) ?? -1
            successors[question][slot] = next
        }
        return next >= 0 ? Int(next) : nil
    }

    /// The response of an answer number (nil for no answer or an empty one).
    func response(_ question: Int, _ code: Int32) -> Response? {
        code >= 0 ? cohort.answers.responses[question][Int(code)] : nil
    }

    /// Whether an answer number is a real (non-empty) answer, from this grader's own table.
    @inline(__always)
    func isAnswered(_ question: Int, _ code: Int32) -> Bool {
        answeredTable.withUnsafeBufferPointer { table in
            answeredStart.withUnsafeBufferPointer { Self.isAnswered(question, code, table, $0) }
        }
    }

    /// `isAnswered` read from the tables given (`answeredTable` and `answeredStart`).
    @inline(__always)
    private static func isAnswered(
        _ question: Int, _ code: Int32, _ table: UnsafeBufferPointer<Bool>,
        _ starts: UnsafeBufferPointer<Int>
    ) -> Bool {
        code >= 0 && table[starts[question] + Int(code)]
    }

    /// Adds to `ignored` the questions answered in the blocks outside `blocks` (a learner's
    /// plan), in order: the learner's row is read once, and only the questions with an answer
    /// number look further (a quiz that draws 10 blocks of 100 leaves 90 outside every plan).
    /// The tables are read through pointers taken out once: read through this grader's methods
    /// in the loop, the whole grader (a score of arrays, each retained and released) was copied
    /// for every learner.
    private mutating func answered(
        outside blocks: [Int], _ responses: UnsafeBufferPointer<Int32>, into ignored: inout [Int]
    ) {
        if inPlan.count != blockRanges.count {
            inPlan = [Bool](repeating: false, count: blockRanges.count)
        }
        for block in blocks { inPlan[block] = true }
        inPlan.withUnsafeBufferPointer { inPlan in
            blockOfQuestion.withUnsafeBufferPointer { blockOf in
                answeredTable.withUnsafeBufferPointer { table in
                    answeredStart.withUnsafeBufferPointer { starts in
                        for question in responses.indices where responses[question] >= 0 {
                            if !inPlan[blockOf[question]],
                                Self.isAnswered(question, responses[question], table, starts)
                            {
                                ignored.append(question)
                            }
                        }
                    }
                }
            }
        }
        for block in blocks { inPlan[block] = false }
    }
}
