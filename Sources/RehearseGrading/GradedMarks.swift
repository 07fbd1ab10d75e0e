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
    /// Per item: its distinct marks, when few enough to be numbered (`MarkColumns`), else nil;
    /// and beside `marks`, each mark's number among its item's (`MarkColumns.notMet` for NaN).
    private let itemValues: [[Double]?]
    private let markCodes: [UInt8]

    /// `tally[block][outcome]`: how many learners reached each outcome. Items of at most
    /// `codeLimit` distinct marks are kept as codes.
    init(_ graded: GradedCohort, tally: [[Int]], codeLimit: Int = MarkColumns.codeLimit) {
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
        // Each item's distinct marks (as bits: a mark is given back exactly as it is), over the
        // outcomes of its block.
        var codes = [UInt8](repeating: MarkColumns.notMet, count: table.count)
        itemValues = zip(itemBlock, itemOffset).map { block, offset in
            var values: [Double] = []
            var numbers: [UInt64: UInt8] = [:]
            let end = block + 1 < rowStart.count ? rowStart[block + 1] : rows.count
            for row in rows[rowStart[block]..<end] {
                let mark = table[row + offset]
                guard !mark.isNaN else { continue }
                if let number = numbers[mark.bitPattern] {
                    codes[row + offset] = number
                    continue
                }
                guard values.count < Swift.min(codeLimit, MarkColumns.codeLimit) else {
                    return nil
                }
                numbers[mark.bitPattern] = UInt8(values.count)
                codes[row + offset] = UInt8(values.count)
                values.append(mark)
            }
            return values
        }
        markCodes = codes
    }

    /// The items in groups whose columns take about 32 MB: a byte per learner for an item kept
    /// as codes, eight for one kept as marks.
    var groups: [Range<Int>] {
        let budget = 32 << 20
        var groups: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for item in itemValues.indices {
            let cost = totals.count * (itemValues[item] == nil ? 8 : 1)
            if item > start, bytes + cost > budget {
                groups.append(start..<item)
                start = item
                bytes = 0
            }
            bytes += cost
        }
        if start < itemValues.count { groups.append(start..<itemValues.count) }
        return groups
    }

    /// The marks of every learner on each item of `items`, item after item, each learner's at
    /// their `rank` (codes for items with few distinct marks, see `MarkColumns`). One pass over
    /// the learners' tables, front to back; a large cohort's in slices on all cores (each
    /// learner's marks go to places of their own).
    func columns(_ items: Range<Int>, rank: [Int32]) -> MarkColumns {
        let count = totals.count
        let slices = count < Self.sliceLimit ? 1 : ProcessInfo.processInfo.activeProcessorCount
        return columns(items, rank: rank, slices: slices)
    }

    /// Cohorts of this many learners and more have their columns made in slices.
    static let sliceLimit = 1 << 16

    func columns(_ items: Range<Int>, rank: [Int32], slices: Int) -> MarkColumns {
        let count = totals.count
        // The tables and lists in locals: nothing is retained per learner (a pass visits every
        // learner once per group of items).
        let records = learners.records
        let outcomes = learners.outcomes
        let blocks = Array(itemBlock[items])
        let offsets = Array(itemOffset[items])
        let values = Array(itemValues[items])
        let width = items.count
        // Where each item's column starts among the codes or among the marks.
        let (starts, codeCount, markCount) = {
            var starts: [Int] = []
            var codeCount = 0
            var markCount = 0
            for value in values {
                starts.append(value == nil ? markCount : codeCount)
                if value == nil { markCount += count } else { codeCount += count }
            }
            return (starts, codeCount, markCount)
        }()
        let coded = values.map { $0 != nil }
        var codes = [UInt8](repeating: MarkColumns.notMet, count: codeCount)
        var columns = [Double](repeating: .nan, count: markCount)
        let slices = Swift.max(1, Swift.min(slices, count))
        codes.withUnsafeMutableBufferPointer { codes in
            columns.withUnsafeMutableBufferPointer { columns in
                nonisolated(unsafe) let codes = codes
                nonisolated(unsafe) let columns = columns
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
                            let at = outcomeRows[blockRowStart[block] + outcome] + offsets[column]
                            if coded[column] {
                                codes[starts[column] + place] = markCodes[at]
                            } else {
                                columns[starts[column] + place] = marks[at]
                            }
                        }
                        if learner % GradedLearners.releaseEvery == 0 { learners.release() }
                    }
                }
            }
        }
        learners.release()
        return MarkColumns(
            values: values, starts: starts, codes: codes, marks: columns, count: count)
    }
}
