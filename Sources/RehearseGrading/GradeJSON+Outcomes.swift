import RehearseBank
import RehearseCore
import RehearseScoring

/// The JSON report's block outcome pieces: each distinct outcome's answers and missed refs
/// rendered once (or, past a budget, as met), each block's usual outcome for runs, and the
/// copy of a learner's pieces.
extension GradeJSON {
    /// Per block and distinct outcome, the refs of its questions that did not earn full marks
    /// (those of `GradeReport.missed`), rendered once, on all cores, each after `separator`
    /// (see `appendOutcomes`); only each block's first `kept` outcomes when given.
    static func missedRefs(
        _ graded: GradedCohort, separator: StaticString, usual: [Int32]? = nil,
        kept: [Int]? = nil, quoted: FragmentTable? = nil
    ) -> FragmentTable {
        let refs = quoted ?? quotedRefs(graded)
        return FragmentTable(
            parallelMap(Array(graded.outcomes.indices)) { block in
                refs.withPieces { refs in
                    graded.outcomes[block].prefix(kept?[block] ?? Int.max).map { outcome in
                        var piece = JSONWriter(capacity: 64)
                        appendMissed(outcome, refs: refs, separator: separator, into: &piece)
                        return piece.bytes
                    }
                }
            }, usual: usual)
    }

    /// Every ref as a JSON string: question q's is piece (0, q) of a flat table (no reference
    /// counting).
    static func quotedRefs(_ graded: GradedCohort) -> FragmentTable {
        FragmentTable([
            graded.index.refs.map { ref in
                var piece = JSONWriter(capacity: ref.utf8.count + 2)
                piece.string(ref)
                return piece.bytes
            }
        ])
    }

    /// The refs of an outcome's questions that did not earn full marks, each after `separator`.
    static func appendMissed(
        _ outcome: BlockOutcome, refs: FragmentTable.Pieces, separator: StaticString,
        into out: inout JSONWriter
    ) {
        for answer in outcome.answers where answer.earned < answer.max {
            out.raw(separator)
            out.append(refs.piece(block: 0, outcome: answer.question))
        }
    }

    /// How many of each block's outcomes have their pieces rendered once in advance
    /// (`FragmentTable`): all of them, unless a cohort of many distinct outcomes (long
    /// scenarios where learners take paths of their own) would make the pieces take more than
    /// `budget` bytes; then the first outcomes of every block (the first met, which most
    /// learners reach), round by round, while they fit. The others are rendered as a learner
    /// needs them.
    static func keptOutcomes(_ graded: GradedCohort, budget: Int = 32 << 20) -> [Int] {
        let refBytes = graded.index.refs.map { $0.utf8.count + 48 }
        let costs = graded.outcomes.map { block in
            block.map { outcome in outcome.answers.reduce(0) { $0 + refBytes[$1.question] } }
        }
        guard costs.joined().reduce(0, +) > budget else { return costs.map(\.count) }
        var kept = [Int](repeating: 0, count: costs.count)
        var used = 0
        var round = 0
        while true {
            var more = false
            for block in costs.indices where round < costs[block].count {
                more = true
                used += costs[block][round]
                if used > budget { return kept }
                kept[block] = round + 1
            }
            if !more { return kept }
            round += 1
        }
    }

    /// A learner's pieces of `table` (per block and outcome, rendered once) for the blocks of
    /// their plan and the outcome they reached in each, block by block, the empty ones left
    /// out. Every item of a piece comes after `separator`, so a piece is one copy; the first
    /// piece's leading separator is left off.
    /// Consecutive blocks at their usual outcomes (see `FragmentTable`) are copied as one run;
    /// an outcome whose piece the table does not hold is rendered by `render`.
    static func appendOutcomes(
        _ table: FragmentTable.Pieces, blocks: UnsafeBufferPointer<Int>,
        outcomes: UnsafeBufferPointer<Int32>,
        separator: StaticString, into out: inout JSONWriter,
        render: (_ block: Int, _ outcome: Int, _ into: inout JSONWriter) -> Void
    ) {
        var skip = separator.utf8CodeUnitCount
        // The run of usual pieces not copied yet: blocks `runStart..<runEnd`.
        var runStart = 0
        var runEnd = 0
        func append(_ fragment: UnsafeBufferPointer<UInt8>) {
            guard fragment.count > skip else { return }
            out.append(UnsafeBufferPointer(rebasing: fragment[skip...]))
            skip = 0
        }
        for (block, outcome) in zip(blocks, outcomes) {
            if table.isUsual(block: block, outcome: outcome) {
                if block == runEnd, runEnd > runStart {
                    runEnd += 1
                } else {
                    if runEnd > runStart { append(table.run(runStart..<runEnd)) }
                    runStart = block
                    runEnd = block + 1
                }
                continue
            }
            if runEnd > runStart {
                append(table.run(runStart..<runEnd))
                runEnd = runStart
            }
            if table.holds(block: block, outcome: Int(outcome)) {
                append(table.piece(block: block, outcome: Int(outcome)))
            } else {
                var piece = JSONWriter(capacity: 256)
                render(block, Int(outcome), &piece)
                piece.bytes.withUnsafeBufferPointer { append($0) }
            }
        }
        if runEnd > runStart { append(table.run(runStart..<runEnd)) }
    }

    /// Per block, the outcome most of the first `sample` learners reached (-1 when none did):
    /// a guess at the usual outcomes, which only decides what is copied in runs.
    static func usualOutcomes(_ graded: GradedCohort, sample: Int = 4096) -> [Int32] {
        let counts = graded.learners.tally(graded.outcomes, slices: 1, first: sample)
        return counts.map { block in
            var usual: Int32 = -1
            var most = 0
            for (outcome, count) in block.enumerated() where count > most {
                most = count
                usual = Int32(outcome)
            }
            return usual
        }
    }

    /// The answers of a block outcome, compact (they are most of a large report's bytes), from
    /// the pre-rendered refs and answer texts, each after a `,` (see `appendOutcomes`).
    static func answersFragment(
        _ outcome: BlockOutcome, refs: FragmentTable.Pieces, answers: FragmentTable.Pieces,
        into out: inout JSONWriter
    ) {
        for answer in outcome.answers {
            out.raw(",")
            out.append(refs.piece(block: 0, outcome: answer.question))
            if answer.answer >= 0 {
                out.append(answers.piece(block: answer.question, outcome: Int(answer.answer)))
            } else {
                out.raw("\"\"")
            }
            out.raw(",\"score\":")
            out.number(answer.earned)
            out.raw(",\"max\":")
            out.number(answer.max)
            out.raw("}")
        }
    }
}

/// How a rendering thread renders a block outcome's answers and missed refs that were not
/// rendered in advance (see `GradeJSON.keptOutcomes`).
struct OutcomeViews {
    var answers: (_ block: Int, _ outcome: Int, _ into: inout JSONWriter) -> Void
    var missed: (_ block: Int, _ outcome: Int, _ into: inout JSONWriter) -> Void

    /// Runs `body` with views that render `outcomes` from the tables of refs before an answer
    /// (`refs`), answer texts (`answers`) and quoted refs (`quoted`), valid during `body`; the
    /// missed refs after `,`, as a learner's entry lists them.
    static func with<R>(
        _ outcomes: [[BlockOutcome]], refs: FragmentTable, answers: FragmentTable,
        quoted: FragmentTable, _ body: (OutcomeViews) -> R
    ) -> R {
        refs.withPieces { refs in
            answers.withPieces { answers in
                quoted.withPieces { quoted in
                    body(
                        OutcomeViews(
                            answers: { block, outcome, out in
                                GradeJSON.answersFragment(
                                    outcomes[block][outcome], refs: refs, answers: answers,
                                    into: &out)
                            },
                            missed: { block, outcome, out in
                                GradeJSON.appendMissed(
                                    outcomes[block][outcome], refs: quoted, separator: ",",
                                    into: &out)
                            }))
                }
            }
        }
    }
}
