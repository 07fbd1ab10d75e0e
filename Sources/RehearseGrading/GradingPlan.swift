import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Which blocks of a quiz each learner met, in plan order.
///
/// A recorded attempt carries its seed, so its plan is `QuizPlan(quiz:bank:seed:)`. A CSV sheet
/// carries no seed: each draw brings in the scenarios of its pool the learner answered (in id
/// order, up to the draw's count); when they answered fewer, the draw is filled up with pool
/// scenarios they did not answer, in id order, which count as unanswered. Answers to pool
/// scenarios beyond the count are ignored.
public struct GradingPlan: Sendable {
    public let bank: Bank
    public let index: QuizIndex
    /// The plan of every CSV learner when the quiz has no draws.
    private let fixed: [Int]?
    /// For a CSV learner of a quiz with draws: the quiz's entries (a block, else `-1 - draw`),
    /// each draw's pool and count, and each block's questions. This plan's own copies in plain
    /// values: read for every learner, the index's (shared by the threads grading slices, and
    /// holding each block's scenario) were retained and released by every thread.
    private let entries: [Int]
    private let pools: [[Int]]
    private let counts: [Int]
    /// Per block, the range of its questions (the grader reads this plan's copy too).
    let questions: [Range<Int>]

    public init(bank: Bank, index: QuizIndex) {
        self.bank = bank
        self.index = index
        fixed =
            index.draws.isEmpty
            ? index.entries.compactMap { entry in
                if case .block(let block) = entry { return block }
                return nil
            } : nil
        entries = index.entries.map { entry in
            switch entry {
            case .block(let block): return block
            case .draw(let draw): return -1 - draw
            }
        }
        pools = index.draws.map { $0.pool.map { $0 } }
        counts = index.draws.map(\.count)
        questions = index.blocks.map(\.questions)
    }

    /// The blocks of the plan of the cohort's learner number `learner`, in plan order.
    public func blocks(_ cohort: Cohort, learner: Int) -> [Int] {
        let row = cohort.responses(of: learner)
        return blocks(seed: cohort.learners[learner].seed) { row[$0] >= 0 }
    }

    /// The blocks of a plan, in plan order: of the recorded attempt's `seed`, else of a CSV
    /// learner who answered the questions `answered` says.
    func blocks(seed: UInt64?, answered: (Int) -> Bool) -> [Int] {
        if seed == nil, let fixed { return fixed }
        if let seed {
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
        var taken = [Bool](repeating: false, count: questions.count)
        for entry in entries {
            guard entry < 0 else {
                blocks.append(entry)
                taken[entry] = true
                continue
            }
            // The pool's blocks not taken before this draw that the learner answered, in pool
            // order, up to the count; then its other blocks not taken, in pool order.
            let pool = pools[-1 - entry]
            let count = counts[-1 - entry]
            let start = blocks.count
            for block in pool where blocks.count - start < count && !taken[block] {
                if questions[block].contains(where: answered) { blocks.append(block) }
            }
            for block in pool where blocks.count - start < count && !taken[block] {
                if !blocks[start...].contains(block) { blocks.append(block) }
            }
            for block in blocks[start...] { taken[block] = true }
        }
        return blocks
    }
}
