import Foundation
import RehearseCore

/// A large cohort graded in slices on all cores writes into one set of tables: each slice its own
/// rows of the whole cohort's records, outcome numbers and competency scores, in place, so no
/// slice's tables are copied into the whole afterwards (a copy that wrote every page twice and
/// ran on one core). Each slice keeps its own names, ignored questions, plans and files, and its
/// own outcome numbers; `merge` then numbers them as the whole cohort's.
extension GradedLearners {
    /// Where a slice writes its next learner in the shared tables, and what it has given back.
    struct SliceSlot: Sendable {
        /// The next learner's position in the whole cohort, and where its outcomes start.
        var position: Int
        var outcome: Int
        /// The rows before these were given back (spilled tables only).
        var releasedPosition: Int
        var releasedOutcome: Int
    }

    /// The tables of a cohort of `count` learners graded in slices, `outcomesPerLearner` outcome
    /// numbers each at most (the quiz's blocks): every row is there, unset until a slice writes
    /// it (see `slice(_:of:outcomesPerLearner:)`).
    static func sliced(
        count: Int, outcomesPerLearner: Int, competencyCount: Int, memoryLimit: Int
    ) -> GradedLearners {
        let whole = GradedLearners(competencyCount: competencyCount, memoryLimit: memoryLimit)
        whole.records.extend(to: count)
        whole.outcomes.extend(to: count * outcomesPerLearner)
        whole.competencies.extend(to: count * competencyCount * 2)
        return whole
    }

    /// The slice of `whole` that grades the learners at `rows`: it writes their records and
    /// competency scores at their rows, their outcome numbers from `rows.lowerBound *
    /// outcomesPerLearner` on. Threads may write their slices at once.
    static func slice(_ rows: Range<Int>, of whole: GradedLearners, outcomesPerLearner: Int)
        -> GradedLearners
    {
        var slice = GradedLearners(
            competencyCount: whole.competencyCount, records: whole.records,
            outcomes: whole.outcomes, competencies: whole.competencies,
            memoryLimit: whole.records.memoryLimit)
        let outcome = rows.lowerBound * outcomesPerLearner
        slice.slot = SliceSlot(
            position: rows.lowerBound, outcome: outcome, releasedPosition: rows.lowerBound,
            releasedOutcome: outcome)
        return slice
    }

    /// `append(_:)` for a slice: the learner's row written in place.
    mutating func appendInSlot(_ grade: LearnerGrade) {
        guard var slot else { return }
        let position = slot.position
        // Made before the table is named: the table (shared by every slice) is then not
        // retained across the making, which writes this slice's own plans and files.
        let record = record(of: grade, outcomesAt: slot.outcome)
        records[position] = record
        let table = outcomes.buffer
        for (offset, outcome) in grade.outcomes.enumerated() {
            table[slot.outcome + offset] = outcome
        }
        slot.outcome += grade.outcomes.count
        let scores = competencies.buffer
        for (offset, score) in grade.competencies.enumerated() {
            scores[(position * competencyCount + offset) * 2] = score.earned
            scores[(position * competencyCount + offset) * 2 + 1] = score.max
        }
        keepRest(of: grade, at: position)
        slot.position += 1
        if slot.position - slot.releasedPosition >= Self.releaseEvery {
            // Only this slice's rows: the other slices are writing theirs.
            records.release(slot.releasedPosition..<slot.position)
            outcomes.release(slot.releasedOutcome..<slot.outcome)
            competencies.release(
                (slot.releasedPosition * competencyCount * 2)..<(slot.position * competencyCount
                    * 2))
            ignored.release()
            names.release()
            slot.releasedPosition = slot.position
            slot.releasedOutcome = slot.outcome
        }
        self.slot = slot
    }

    /// Takes in a later slice that wrote rows `rows` of this cohort's tables (this cohort being
    /// the first slice, taken as the whole): its names and ignored questions are appended, its
    /// plans and files numbered among this cohort's, and its outcome numbers renumbered in place
    /// (`renumber`: per block, the merged number of each of the slice's outcomes). The rows are
    /// fixed on all cores.
    mutating func merge(_ slice: GradedLearners, rows: Range<Int>, renumber: [[Int32]]) {
        let planNumbers = slice.plans.map { intern($0) }
        let fileNumbers = slice.files.map { intern(file: $0) }
        let ignoredBase = ignored.count
        ignored.append(contentsOf: slice.ignored)
        names.append(contentsOf: slice.names)
        seeds.merge(slice.seeds) { first, _ in first }
        attempts.merge(slice.attempts) { first, _ in first }
        let parts = Swift.max(
            1, Swift.min(rows.count / 4096, 4 * ProcessInfo.processInfo.activeProcessorCount))
        let (records, outcomes) = (self.records, self.outcomes)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let from = rows.lowerBound + rows.count * part / parts
            let to = rows.lowerBound + rows.count * (part + 1) / parts
            var released = from
            for position in from..<to {
                var record = records[position]
                let plan = slice.plans[Int(record.plan)]
                let table = outcomes.buffer
                for (offset, block) in plan.enumerated() {
                    let at = record.start + offset
                    table[at] = renumber[block][Int(table[at])]
                }
                record.plan = planNumbers[Int(record.plan)]
                record.file = fileNumbers[Int(record.file)]
                record.ignoredStart += ignoredBase
                records[position] = record
                if position + 1 - released >= Self.releaseEvery || position + 1 == to {
                    // Only this part's rows: the others are fixing theirs.
                    records.release(released..<(position + 1))
                    outcomes.release(records[released].start..<(record.start + plan.count))
                    released = position + 1
                }
            }
        }
    }
}
