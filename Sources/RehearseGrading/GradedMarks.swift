import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The marks of a graded cohort for item analysis, read a few items at a time from the learners'
/// outcome numbers: a learner's mark on a question is the mark of the outcome they reached in its
/// block, so no learner x item matrix is ever made.
struct GradedMarks: Sendable {
    /// The questions some learner met, in quiz order (the items).
    let questions: [Int]
    /// Per item: its maximum, learners who left it unanswered, option counts.
    let maxima: [Double]
    let unanswered: [Int]
    let options: [[(id: String, count: Int)]]
    /// Per learner: the total mark.
    let totals: [Double]
    private let learners: GradedLearners
    /// Per item: its block, and its question's offset in the block.
    private let itemBlock: [Int]
    private let itemOffset: [Int]
    private let blockCount: Int
    /// Per (plan, block), flat: the block's position in the plan, or -1.
    private let planPositions: [Int32]
    /// Per block: where its outcomes' rows start in `outcomeRows`.
    private let blockRowStart: [Int]
    /// Per (block, outcome): where its marks start in `marks`, one per question of the block,
    /// NaN for a question off the outcome's path.
    private let outcomeRows: [Int]
    private let marks: [Double]

    /// `tally[block][outcome]`: how many learners reached each outcome.
    init(_ graded: GradedCohort, tally: [[Int]]) {
        let index = graded.index
        var met = [Bool](repeating: false, count: index.questions.count)
        var maximum = [Double](repeating: 0, count: index.questions.count)
        var missing = [Int](repeating: 0, count: index.questions.count)
        var counts = index.questions.indices.map {
            [Int](repeating: 0, count: graded.answers.texts[$0].count)
        }
        var rowStart: [Int] = []
        var rows: [Int] = []
        var table: [Double] = []
        for (block, outcomes) in graded.outcomes.enumerated() {
            let first = index.blocks[block].questions.lowerBound
            let size = index.blocks[block].questions.count
            rowStart.append(rows.count)
            for (number, outcome) in outcomes.enumerated() {
                rows.append(table.count)
                table += repeatElement(.nan, count: size)
                let reached = tally[block][number]
                for answer in outcome.answers {
                    met[answer.question] = true
                    table[rows[rows.count - 1] + answer.question - first] = answer.earned
                    guard reached > 0 else { continue }
                    maximum[answer.question] = Swift.max(maximum[answer.question], answer.max)
                    if answer.outcome == .unanswered {
                        missing[answer.question] += reached
                    } else if answer.answer >= 0 {
                        counts[answer.question][Int(answer.answer)] += reached
                    }
                }
            }
        }
        questions = index.questions.indices.filter { met[$0] }
        maxima = questions.map { maximum[$0] }
        unanswered = questions.map { missing[$0] }
        options = questions.map { question in
            GradeReport.optionCounts(
                question: index.questions[question],
                responses: graded.answers.responses[question], counts: counts[question])
        }
        totals = (0..<graded.learners.count).map { graded.learners.record($0).earned }
        learners = graded.learners
        itemBlock = questions.map { index.blockOfQuestion[$0] }
        itemOffset = questions.map {
            $0 - index.blocks[index.blockOfQuestion[$0]].questions.lowerBound
        }
        blockCount = index.blocks.count
        var positions: [Int32] = []
        for plan in graded.learners.plans {
            var row = [Int32](repeating: -1, count: index.blocks.count)
            for (position, block) in plan.enumerated() { row[block] = Int32(position) }
            positions += row
        }
        planPositions = positions
        blockRowStart = rowStart
        outcomeRows = rows
        marks = table
    }

    /// How many items `ItemAnalysis` asks for at once: their marks of every learner take about
    /// 32 MB.
    var group: Int { Swift.max(1, (4 << 20) / Swift.max(1, totals.count)) }

    /// The marks of every learner on each item of `items`, item after item, each learner's at
    /// their `rank`; NaN where a learner did not meet the item. One pass over the learners'
    /// tables, front to back; a large cohort's in slices on all cores (each learner's marks go
    /// to places of their own).
    func columns(_ items: Range<Int>, rank: [Int32]) -> [Double] {
        let count = totals.count
        let slices = count < Self.sliceLimit ? 1 : ProcessInfo.processInfo.activeProcessorCount
        return columns(items, rank: rank, slices: slices)
    }

    /// Cohorts of this many learners and more have their columns made in slices.
    static let sliceLimit = 1 << 16

    func columns(_ items: Range<Int>, rank: [Int32], slices: Int) -> [Double] {
        let count = totals.count
        // The tables and lists in locals: nothing is retained per learner (a pass visits every
        // learner once per group of items).
        let records = learners.records
        let outcomes = learners.outcomes
        let blocks = Array(itemBlock[items])
        let offsets = Array(itemOffset[items])
        let width = items.count
        let slices = Swift.max(1, Swift.min(slices, count))
        return [Double](unsafeUninitializedCapacity: width * count) { columns, filled in
            columns.initialize(repeating: .nan)
            nonisolated(unsafe) let output = columns
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                for learner in (count * slice / slices)..<(count * (slice + 1) / slices) {
                    let record = records[learner]
                    let plan = Int(record.plan) * blockCount
                    let place = Int(rank[learner])
                    for column in 0..<width {
                        let block = blocks[column]
                        let position = planPositions[plan + block]
                        guard position >= 0 else { continue }
                        let outcome = Int(outcomes[record.start + Int(position)])
                        output[column * count + place] =
                            marks[outcomeRows[blockRowStart[block] + outcome] + offsets[column]]
                    }
                    if learner % GradedLearners.releaseEvery == 0 { learners.release() }
                }
            }
            filled = width * count
            learners.release()
        }
    }
}
