import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// One answer on a learner's path, as the library's scorer scored it.
public struct GradedAnswer: Sendable {
    /// The question, by its number in the quiz index.
    public var question: Int
    /// The answer number in the `AnswerBook`, or -1 when no answer was given.
    public var answer: Int32
    public var earned: Double
    public var max: Double
    public var outcome: Outcome
}

/// A block (scenario or inline question) scored for one combination of answers.
public struct BlockOutcome: Sendable {
    public var answers: [GradedAnswer]
    /// Questions answered but off the path.
    public var ignored: [Int]
    public var earned: Double
    public var max: Double
    public var unanswered: Int
}

/// One learner graded.
public struct LearnerGrade: Sendable {
    public var learner: String
    public var file: String
    /// The line of the sheet where the learner first appears.
    public var line: Int
    /// The blocks of the learner's plan, in order, and the outcome of each (into
    /// `GradedCohort.outcomes[block]`).
    public var blocks: [Int]
    public var outcomes: [Int32]
    /// Questions answered but not graded: off the learner's path, or in a scenario not drawn.
    public var ignored: [Int]
    public var earned: Double
    public var max: Double
    /// 0-100.
    public var percent: Double
    public var passed: Bool
    /// By competency index; `max` 0 when the learner met no question of it.
    public var competencies: [CompetencyScore]
    public var unanswered: Int
    public var seed: UInt64?
    public var attempt: AttemptRecord?
}

/// A cohort graded: every learner, and the outcomes they share.
public struct GradedCohort: Sendable {
    public var index: QuizIndex
    public var answers: AnswerBook
    /// Per block: the distinct outcomes learners reached.
    public var outcomes: [[BlockOutcome]]
    public var learners: [LearnerGrade]
    /// Per question: the competency indices it counts toward.
    public var questionCompetencies: [[Int]]

    public var quizID: String { index.quiz.id.value }
    public var passPercent: Double { index.quiz.passPercent }

    /// The answers of a learner on their path, in order.
    public func answers(of learner: LearnerGrade) -> [GradedAnswer] {
        var result: [GradedAnswer] = []
        for (block, outcome) in zip(learner.blocks, learner.outcomes) {
            result += outcomes[block][Int(outcome)].answers
        }
        return result
    }
}

/// Grades a cohort with the library's one scorer.
///
/// Every answer is scored by `QuestionScorer`, once per distinct (question, answer) pair; a
/// scenario is walked exactly as `ScenarioWalk` walks it, branching with `ScenarioWalk.next`, and
/// its maximum is the scenario's `maxPoints`; totals, percent, pass and competencies add up in the
/// same order as `QuizScorer` over the learner's whole plan, so the results are the same numbers
/// (a test grades cohorts both ways and compares every learner with `QuizScorer.score`). With
/// `reference: true` every block is scored by `QuizScorer` itself on a plan of that block alone.
/// Learners who answered a block the same way share its outcome.
///
/// Plans: a recorded attempt carries its seed, so its plan is `QuizPlan(quiz:bank:seed:)`. A CSV
/// sheet carries no seed: each draw brings in the scenarios of its pool the learner answered (in
/// id order, up to the draw's count); when they answered fewer, the draw is filled up with pool
/// scenarios they did not answer, in id order, which count as unanswered. Answers to pool
/// scenarios beyond the count are ignored.
public struct Grader {
    public let bank: Bank
    public let cohort: Cohort
    let reference: Bool
    let basePlan: QuizPlan
    private var outcomes: [[BlockOutcome]]
    private var packedMemo: [[UInt64: Int32]]
    private var listMemo: [[[Int32]: Int32]]
    private let bits: [Int]
    private let competencyIndex: [String: Int]
    /// Per question: its competency indices (its own, else its scenario's).
    let questionCompetencies: [[Int]]
    /// The same, flat: question q's indices are `competencyList[competencyStart[q]..<competencyStart[q + 1]]`.
    private let competencyList: [Int]
    private let competencyStart: [Int]
    /// Per question: the score of each answer number (slot 0: no answer), filled as met.
    private var scores: [[QuestionScore?]]
    /// Per question (a scenario step): the step offset `ScenarioWalk.next` goes to after each
    /// answer number (slot 0: no answer); -1 for the end, -2 not yet known.
    private var successors: [[Int32]]
    /// Per block: step index by id (first of a duplicated id), and the scenario's maximum.
    private let stepIndex: [[String: Int]]
    /// Per block: the range of its questions (kept apart: copying a block copies its scenario),
    /// whether it is a scenario, and the offset of its start step.
    private let blockRanges: [Range<Int>]
    private let blockIsScenario: [Bool]
    /// The plan of every CSV learner when the quiz has no draws.
    private let fixedPlan: [Int]?
    private let quizID: String
    private let passPercent: Double
    private let competencyCount: Int
    /// Per (question, answer number): answered and not empty; flat, this grader's own copy (the
    /// threads grading slices never share a buffer they read in the hot loop).
    private let answeredTable: [Bool]
    private let answeredStart: [Int]
    private let blockStart: [Int?]
    private let blockMax: [Double?]

    public init(bank: Bank, cohort: Cohort, reference: Bool = false) {
        self.bank = bank
        self.cohort = cohort
        self.reference = reference
        let index = cohort.index
        basePlan = QuizPlan(quiz: index.quiz, bank: bank, seed: 0)
        outcomes = Array(repeating: [], count: index.blocks.count)
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
        var competencies: [String: Int] = [:]
        for (offset, id) in index.competencies.enumerated() { competencies[id] = offset }
        competencyIndex = competencies
        var perQuestion: [[Int]] = Array(repeating: [], count: index.questions.count)
        var steps: [[String: Int]] = []
        var maxima: [Double?] = []
        for block in index.blocks {
            var byID: [String: Int] = [:]
            switch block.item {
            case .scenario(let scenario):
                for (offset, step) in scenario.steps.enumerated() {
                    perQuestion[block.questions.lowerBound + offset] = scenario.competencies(
                        of: step
                    ).compactMap { competencies[$0] }
                    if byID[step.id.value] == nil { byID[step.id.value] = offset }
                }
                maxima.append(scenario.maxPoints)
            case .question(let question):
                perQuestion[block.questions.lowerBound] = question.competencies.compactMap {
                    competencies[$0.value]
                }
                maxima.append(nil)
            }
            steps.append(byID)
        }
        questionCompetencies = perQuestion
        blockRanges = index.blocks.map(\.questions)
        var isScenario: [Bool] = []
        var startOffsets: [Int?] = []
        for (offset, block) in index.blocks.enumerated() {
            if case .scenario(let scenario) = block.item {
                isScenario.append(true)
                startOffsets.append(scenario.startStep.flatMap { steps[offset][$0] })
            } else {
                isScenario.append(false)
                startOffsets.append(nil)
            }
        }
        blockIsScenario = isScenario
        blockStart = startOffsets
        fixedPlan =
            index.draws.isEmpty
            ? index.entries.compactMap { entry in
                if case .block(let block) = entry { return block }
                return nil
            } : nil
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
        var list: [Int] = []
        var starts = [0]
        for ids in perQuestion {
            list += ids
            starts.append(list.count)
        }
        competencyList = list
        competencyStart = starts
        stepIndex = steps
        blockMax = maxima
        scores = index.questions.indices.map {
            Array(repeating: nil, count: cohort.answers.texts[$0].count + 1)
        }
        successors = index.questions.indices.map {
            Array(repeating: -2, count: cohort.answers.texts[$0].count + 1)
        }
    }

    /// Grades every learner.
    /// Large cohorts are graded in slices on all cores, each slice with its own grader; the
    /// slices' outcomes are then concatenated and the learners' outcome numbers shifted to match.
    public static func grade(bank: Bank, cohort: Cohort, reference: Bool = false) -> GradedCohort {
        let count = cohort.learners.count
        let slices = count >= 4096 ? Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let size = (count + slices - 1) / Swift.max(1, slices)
        let ranges = stride(from: 0, to: count, by: Swift.max(1, size)).map {
            $0..<Swift.min(count, $0 + size)
        }
        let parts = parallelMap(ranges) { range in
            var grader = Grader(bank: bank, cohort: cohort, reference: reference)
            let learners = cohort.learners[range].map { grader.grade($0) }
            return (learners, grader.outcomes)
        }
        var outcomes: [[BlockOutcome]] = Array(repeating: [], count: cohort.index.blocks.count)
        var learners: [LearnerGrade] = []
        learners.reserveCapacity(count)
        for (sliceLearners, sliceOutcomes) in parts {
            let offsets = outcomes.map { Int32($0.count) }
            for var learner in sliceLearners {
                for (position, block) in learner.blocks.enumerated() {
                    learner.outcomes[position] += offsets[block]
                }
                learners.append(learner)
            }
            for block in sliceOutcomes.indices { outcomes[block] += sliceOutcomes[block] }
        }
        let competencies = Grader(bank: bank, cohort: cohort).questionCompetencies
        return GradedCohort(
            index: cohort.index, answers: cohort.answers, outcomes: outcomes,
            learners: learners, questionCompetencies: competencies)
    }

    /// The blocks of a learner's plan, in plan order.
    public func planBlocks(_ sheet: LearnerSheet) -> [Int] {
        if sheet.seed == nil, let fixedPlan { return fixedPlan }
        let index = cohort.index
        if let seed = sheet.seed {
            let plan = QuizPlan(quiz: index.quiz, bank: bank, seed: seed)
            return plan.items.compactMap { item in
                switch item {
                case .scenario(let scenario): return index.block(scenario: scenario.id.value)
                case .question(let question):
                    return index.question(ref: "\(index.quiz.id.value)/\(question.id.value)")
                        .map { index.blockOfQuestion[$0] }
                }
            }
        }
        var blocks: [Int] = []
        var taken = Set<Int>()
        for entry in index.entries {
            switch entry {
            case .block(let block):
                blocks.append(block)
                if !index.draws.isEmpty { taken.insert(block) }
            case .draw(let draw):
                let pool = index.draws[draw].pool.filter { !taken.contains($0) }
                let count = index.draws[draw].count
                var chosen = pool.filter { block in
                    index.blocks[block].questions.contains { sheet.responses[$0] >= 0 }
                }
                chosen = Array(chosen.prefix(count))
                for block in pool where chosen.count < count && !chosen.contains(block) {
                    chosen.append(block)
                }
                blocks += chosen
                taken.formUnion(chosen)
            }
        }
        return blocks
    }

    /// Grades one learner.
    public mutating func grade(_ sheet: LearnerSheet) -> LearnerGrade {
        let blocks = planBlocks(sheet)
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
            let id = outcome(block: block, responses: sheet.responses)
            outcomeIDs.append(id)
            earned += outcomes[block][Int(id)].earned
            max += outcomes[block][Int(id)].max
            unanswered += outcomes[block][Int(id)].unanswered
            if !outcomes[block][Int(id)].ignored.isEmpty {
                ignored += outcomes[block][Int(id)].ignored
            }
            outcomes[block][Int(id)].answers.withUnsafeBufferPointer { answers in
                competencyList.withUnsafeBufferPointer { list in
                    competencyStart.withUnsafeBufferPointer { start in
                        for answer in answers {
                            for slot in start[answer.question]..<start[answer.question + 1] {
                                competencies[list[slot]].earned += answer.earned
                                competencies[list[slot]].max += answer.max
                            }
                        }
                    }
                }
            }
        }
        // Answers to blocks outside the plan (scenarios not drawn) are ignored too.
        if blocks.count < blockCount {
            var inPlan = [Bool](repeating: false, count: blockCount)
            for block in blocks { inPlan[block] = true }
            for (block, range) in blockRanges.enumerated() where !inPlan[block] {
                for question in range where answered(sheet, question) {
                    ignored.append(question)
                }
            }
        }
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

    /// A non-empty answer was given to `question`.
    func answered(_ sheet: LearnerSheet, _ question: Int) -> Bool {
        let code = sheet.responses[question]
        return isAnswered(question, code)
    }

    /// The outcome of `block` for these responses: looked up, or scored once and remembered.
    mutating func outcome(block: Int, responses: [Int32]) -> Int32 {
        let range = blockRanges[block]
        let width = bits[block]
        if width > 0 {
            var key: UInt64 = 0
            for question in range {
                key = key << UInt64(width) | UInt64(UInt32(bitPattern: responses[question] + 1))
            }
            if let known = packedMemo[block][key] { return known }
            let id = score(block: block, responses: responses)
            packedMemo[block][key] = id
            return id
        }
        let key = Array(responses[range])
        if let known = listMemo[block][key] { return known }
        let id = score(block: block, responses: responses)
        listMemo[block][key] = id
        return id
    }

    /// The response of an answer number (nil for no answer or an empty one).
    func response(_ question: Int, _ code: Int32) -> Response? {
        code >= 0 ? cohort.answers.responses[question][Int(code)] : nil
    }

    /// Whether an answer number is a real (non-empty) answer, from this grader's own table.
    @inline(__always)
    func isAnswered(_ question: Int, _ code: Int32) -> Bool {
        code >= 0 && answeredTable[answeredStart[question] + Int(code)]
    }

    /// `QuestionScorer`'s score of an answer number, computed once.
    mutating func questionScore(_ question: Int, _ code: Int32) -> QuestionScore {
        let slot = Int(code) + 1
        if let known = scores[question][slot] { return known }
        let score = QuestionScorer.score(
            response(question, code), for: cohort.index.questions[question])
        scores[question][slot] = score
        return score
    }

    /// Scores `block` for these responses and remembers the outcome.
    mutating func score(block: Int, responses: [Int32]) -> Int32 {
        let outcome =
            reference
            ? referenceOutcome(block: block, responses: responses)
            : walkOutcome(block: block, responses: responses)
        outcomes[block].append(outcome)
        return Int32(outcomes[block].count - 1)
    }

    /// A block scored the way `ScenarioWalk` and `QuizScorer` score it, with memoised answer
    /// scores.
    mutating func walkOutcome(block: Int, responses: [Int32]) -> BlockOutcome {
        let range = blockRanges[block]
        let first = range.lowerBound
        guard let start = blockStart[block] else {
            // An inline question (or a scenario whose start names no step: nothing to walk).
            guard !blockIsScenario[block] else {
                return BlockOutcome(
                    answers: [], ignored: ignoredSteps(range, responses, visited: 0, many: nil),
                    earned: 0, max: 0 + (blockMax[block] ?? 0), unanswered: 0)
            }
            let code = responses[first]
            let score = questionScore(first, code)
            let answer = GradedAnswer(
                question: first, answer: isAnswered(first, code) ? code : -1,
                earned: score.earned, max: score.max, outcome: score.outcome)
            return BlockOutcome(
                answers: [answer], ignored: [], earned: 0 + score.earned, max: 0 + score.max,
                unanswered: score.outcome == .unanswered ? 1 : 0)
        }
        var answers: [GradedAnswer] = []
        answers.reserveCapacity(range.count)
        // Steps visited: a bit mask for up to 64 steps, else an array.
        var visited: UInt64 = 0
        var many: [Bool]? = range.count > 64 ? [Bool](repeating: false, count: range.count) : nil
        var current: Int? = start
        var unanswered = 0
        while let offset = current {
            if var seen = many {
                if seen[offset] { break }
                seen[offset] = true
                many = seen
            } else {
                if visited & (1 << UInt64(offset)) != 0 { break }
                visited |= 1 << UInt64(offset)
            }
            let question = first + offset
            let code = responses[question]
            let score = questionScore(question, code)
            answers.append(
                GradedAnswer(
                    question: question, answer: isAnswered(question, code) ? code : -1,
                    earned: score.earned, max: score.max, outcome: score.outcome))
            if score.outcome == .unanswered { unanswered += 1 }
            let slot = Int(code) + 1
            var next = successors[question][slot]
            if next == -2 {
                guard case .scenario(let scenario) = cohort.index.blocks[block].item else { break }
                let id = ScenarioWalk.next(
                    after: offset, in: scenario, response: response(question, code))
                // A `next` naming no step ends the walk, as in `ScenarioWalk`.
                next = id.flatMap { stepIndex[block][$0] }.map(Int32.init) ?? -1
                successors[question][slot] = next
            }
            current = next >= 0 ? Int(next) : nil
        }
        let ignored = ignoredSteps(range, responses, visited: visited, many: many)
        let earned = answers.reduce(0) { $0 + $1.earned }
        let max = blockMax[block] ?? answers.reduce(0) { $0 + $1.max }
        return BlockOutcome(
            answers: answers, ignored: ignored, earned: 0 + earned, max: 0 + max,
            unanswered: unanswered)
    }

    /// Steps answered (not empty) but not visited.
    func ignoredSteps(_ range: Range<Int>, _ responses: [Int32], visited: UInt64, many: [Bool]?)
        -> [Int]
    {
        var ignored: [Int] = []
        for question in range {
            let offset = question - range.lowerBound
            let seen = many.map { $0[offset] } ?? (visited & (1 << UInt64(offset)) != 0)
            if !seen, isAnswered(question, responses[question]) { ignored.append(question) }
        }
        return ignored
    }

    /// A block scored by `QuizScorer` on a plan of that block alone.
    func referenceOutcome(block: Int, responses: [Int32]) -> BlockOutcome {
        let index = cohort.index
        let info = index.blocks[block]
        var plan = basePlan
        plan.items = [info.item]
        var byRef: [String: Response] = [:]
        var questionOfRef: [String: Int] = [:]
        for question in info.questions {
            questionOfRef[index.refs[question]] = question
            if let response = response(question, responses[question]) {
                byRef[index.refs[question]] = response
            }
        }
        let result = QuizScorer.score(plan, responses: byRef)
        var answers: [GradedAnswer] = []
        for scored in result.answers {
            guard let question = questionOfRef[scored.ref] else { continue }
            answers.append(
                GradedAnswer(
                    question: question, answer: scored.response != nil ? responses[question] : -1,
                    earned: scored.score.earned, max: scored.score.max,
                    outcome: scored.score.outcome))
        }
        return BlockOutcome(
            answers: answers, ignored: result.ignored.compactMap { questionOfRef[$0] },
            earned: result.earned, max: result.max, unanswered: result.unanswered)
    }
}
