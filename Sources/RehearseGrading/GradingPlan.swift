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

    public init(bank: Bank, index: QuizIndex) {
        self.bank = bank
        self.index = index
        fixed =
            index.draws.isEmpty
            ? index.entries.compactMap { entry in
                if case .block(let block) = entry { return block }
                return nil
            } : nil
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
                    index.blocks[block].questions.contains(where: answered)
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
}
