import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The JSON report: an interface other tools read. The spec fixes these names (more may be
/// added): `quiz`, `learners[{learner, score, max, percent, passed, competencies{ID: percent},
/// name, missed[REF], answers[{ref, answer, score, max}]}]`, `items[{ref, facility, sd,
/// discrimination, efficiency, unanswered, prompt, key, options{ID: count}, wrongAnswers[{answer,
/// count}]}]`, `needsHelp[{learner, percent, weakest[COMPETENCY], missed[REF]}]`, `test{learners,
/// mean, median, sd, skewness, kurtosis, alpha, sem}`, `rejected[{file, line, column, reason}]`. `percent` runs 0-100; `facility`,
/// `discrimination`, `efficiency`, `effectiveWeight` and `alpha` are fractions.
public enum GradeJSON {
    public static func render(_ report: GradeReport) -> [UInt8] {
        var result: [UInt8] = []
        render(report) { result.append(contentsOf: $0) }
        return result
    }

    /// Renders in pieces handed to `write` in order, so a report of a million answers never sits
    /// in memory whole. Each distinct block outcome's answers are rendered once; learners are
    /// rendered in slices on all cores, each slice into a buffer from `buffers` when given.
    /// `pieceBudget`: how many bytes the block outcomes' pieces rendered in advance may take
    /// (see `keptOutcomes`).
    public static func render(
        _ report: GradeReport, buffers: ByteBuffers? = nil, pieceBudget: Int = 32 << 20,
        write: ([UInt8]) -> Void
    ) {
        let graded = report.graded
        let index = graded.index
        var out = JSONWriter(capacity: 65_536)
        out.raw("{\n  \"quiz\": ")
        out.string(report.quizID)
        out.raw(",\n  \"title\": ")
        out.string(index.quiz.title)
        out.raw(",\n  \"pass\": ")
        out.number(index.quiz.passPercent)
        out.raw(",\n  \"needsHelp\": [")
        write(out.bytes)
        out.bytes.removeAll(keepingCapacity: true)
        // Each block's usual outcome, whose pieces are copied in runs (see `appendOutcomes`),
        // and the outcomes whose pieces are rendered in advance.
        let usual = usualOutcomes(graded)
        let kept = keptOutcomes(graded, budget: pieceBudget)
        let quoted = quotedRefs(graded)
        // The plans in a flat table, made once for both lists.
        let plans = graded.learners.planTable
        writeNeedsHelp(
            report, usual: usual, kept: kept, quoted: quoted, plans: plans, buffers: buffers,
            write: write)
        out.raw("],\n  \"learners\": [")
        write(out.bytes)
        out.bytes.removeAll(keepingCapacity: true)

        // Every ref's and every distinct answer's JSON once, then each distinct block outcome's
        // answers once; learners copy them.
        // Flat tables, read by all threads with no reference counting: question q's ref is
        // piece (0, q), its answer number a is piece (q, a).
        let refs = FragmentTable([
            graded.index.refs.map { ref in
                var piece = JSONWriter(capacity: ref.utf8.count + 24)
                piece.raw("{\"ref\":")
                piece.string(ref)
                piece.raw(",\"answer\":")
                return piece.bytes
            }
        ])
        let answers = FragmentTable(
            graded.answers.texts.map { texts in
                texts.map { text in
                    var piece = JSONWriter(capacity: text.utf8.count + 2)
                    piece.string(text)
                    return piece.bytes
                }
            })
        let fragments = FragmentTable(
            parallelMap(Array(graded.outcomes.indices)) { block in
                refs.withPieces { refs in
                    answers.withPieces { answers in
                        graded.outcomes[block].prefix(kept[block]).map { outcome in
                            var piece = JSONWriter(capacity: outcome.answers.count * 72)
                            answersFragment(outcome, refs: refs, answers: answers, into: &piece)
                            return piece.bytes
                        }
                    }
                }
            }, usual: usual)
        let missed = missedRefs(
            graded, separator: ",", usual: usual, kept: kept, quoted: quoted)
        let names = LearnerNames(
            competencies: FragmentTable([
                graded.index.competencies.map { id in
                    var piece = JSONWriter(capacity: id.utf8.count + 4)
                    piece.string(id)
                    piece.raw(": ")
                    return piece.bytes
                }
            ]), refs: graded.index.refs)
        // Small slices: the pieces rendered and waiting in the sink stay a few megabytes, also
        // for learners of a long quiz.
        let perLearner = fragments.widest + missed.widest + 512
        let slice = slice(of: perLearner, most: 256)
        let learnerCount = graded.learners.count
        forEachPieceInOrder(count: (learnerCount + slice - 1) / slice) { piece in
            let range = piece * slice..<Swift.min(learnerCount, (piece + 1) * slice)
            var part = writer(buffers, capacity: range.count * Swift.min(perLearner, 8192))
            var numbers = NumberTexts()
            // The outcomes whose pieces were not rendered in advance are rendered here.
            OutcomeViews.with(graded.outcomes, refs: refs, answers: answers, quoted: quoted) {
                views in
                fragments.withPieces { fragments in
                    missed.withPieces { missed in
                        names.competencies.withPieces { competencies in
                            graded.learners.withOutcomeReader(plans: plans) { reader in
                                for offset in range {
                                    writeLearner(
                                        offset, of: graded.learners, report.names,
                                        first: offset == 0, names, competencies, fragments,
                                        missed: missed, views, &reader, &numbers, &part)
                                }
                            }
                        }
                    }
                }
            }
            return part.bytes
        } consume: {
            write($0)
        }

        out.raw(graded.learners.isEmpty ? "],\n  \"items\": [" : "\n  ],\n  \"items\": [")
        for (offset, item) in report.items.enumerated() {
            out.raw(offset == 0 ? "\n    " : ",\n    ")
            item.writeJSON(into: &out, detail: report.details[offset])
        }
        out.raw(report.items.isEmpty ? "],\n  \"test\": " : "\n  ],\n  \"test\": ")
        report.test.writeJSON(into: &out)
        out.raw(",\n  \"rejected\": [")
        writeRejected(report.rejected, into: &out)
        out.raw("],\n  \"notes\": [")
        for (offset, note) in report.notes.enumerated() {
            out.raw(offset == 0 ? "\n    " : ",\n    ")
            out.string(note)
        }
        out.raw(report.notes.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        write(out.bytes)
    }

    /// How many entries of at most `bytes` each make one piece of the report: about
    /// `pieceBytes`, at most `most`, at least one.
    static func slice(of bytes: Int, most: Int) -> Int {
        Swift.max(1, Swift.min(most, pieceBytes / Swift.max(1, bytes)))
    }

    /// About how large a piece of the report is made: the sink holds a few of them.
    static let pieceBytes = 4 << 20

    /// A writer into a buffer from `buffers`, or a new one.
    static func writer(_ buffers: ByteBuffers?, capacity: Int) -> JSONWriter {
        guard let buffers else { return JSONWriter(capacity: capacity) }
        return JSONWriter(appendingTo: buffers.take(capacity: capacity))
    }

    /// The learner at `position`, read from the tables (no whole `LearnerGrade` is made).
    static func writeLearner(
        _ position: Int, of learners: GradedLearners, _ displayNames: [String: String],
        first: Bool, _ names: LearnerNames, _ competencies: FragmentTable.Pieces,
        _ fragments: FragmentTable.Pieces, missed: FragmentTable.Pieces, _ views: OutcomeViews,
        _ reader: inout GradedLearners.OutcomeReader, _ numbers: inout NumberTexts,
        _ out: inout JSONWriter
    ) {
        let record = learners.record(position)
        writeOpening(position, of: learners, displayNames, first: first, &out)
        out.raw(", \"score\": ")
        numbers.write(record.earned, into: &out)
        out.raw(", \"max\": ")
        numbers.write(record.max, into: &out)
        out.raw(", \"percent\": ")
        numbers.write(record.percent, into: &out)
        out.raw(record.passed ? ", \"passed\": true" : ", \"passed\": false")
        out.raw(", \"unanswered\": ")
        out.int(Int(record.unanswered))
        out.raw(", \"competencies\": {")
        var firstCompetency = true
        for competency in 0..<learners.competencyCount {
            guard let percent = learners.competencyScore(position, competency).percent else {
                continue
            }
            if !firstCompetency { out.raw(", ") }
            firstCompetency = false
            out.append(competencies.piece(block: 0, outcome: competency))
            numbers.write(percent, into: &out)
        }
        out.raw("}, \"answers\": [")
        reader.withOutcomes(position, after: position - 1) { blocks, outcomes in
            appendOutcomes(
                fragments, blocks: blocks, outcomes: outcomes, separator: ",", into: &out,
                render: views.answers)
            out.raw("], \"missed\": [")
            appendOutcomes(
                missed, blocks: blocks, outcomes: outcomes, separator: ",", into: &out,
                render: views.missed)
        }
        out.raw("], \"ignored\": [")
        for (offset, question) in learners.ignored(position).enumerated() {
            if offset > 0 { out.raw(", ") }
            out.string(names.refs[question])
        }
        out.raw("]}")
    }

    /// `needsHelp`: learner, name, percent, weakest competencies (ids), missed refs. Rendered in
    /// slices on all cores and handed to `write` in order, so a cohort of 100,000 learners who
    /// all need help is never one piece in memory. A learner's missed refs are those of
    /// `GradeReport.missed`, copied from each distinct block outcome's list rendered once.
    static func writeNeedsHelp(
        _ report: GradeReport, usual: [Int32], kept: [Int], quoted: FragmentTable,
        plans: PlanTable, buffers: ByteBuffers?, write: ([UInt8]) -> Void
    ) {
        let missed = missedRefs(
            report.graded, separator: ", ", usual: usual, kept: kept, quoted: quoted)
        let outcomes = report.graded.outcomes
        let learners = report.graded.learners
        let entries = report.needsHelp
        // Each competency's id as a JSON string, copied for each entry that names it.
        let weakestNames = FragmentTable([
            report.index.competencies.map { id in
                var piece = JSONWriter(capacity: id.utf8.count + 2)
                piece.string(id)
                return piece.bytes
            }
        ])
        let perEntry = missed.widest + 512
        let slice = slice(of: perEntry, most: 512)
        forEachPieceInOrder(count: (entries.count + slice - 1) / slice) { piece in
            let range = piece * slice..<Swift.min(entries.count, (piece + 1) * slice)
            var out = writer(buffers, capacity: range.count * Swift.min(perEntry, 1024))
            var numbers = NumberTexts()
            // The outcomes are read through a pointer: captured by the closure that renders the
            // rare outcome, their array would be retained by both cores for every entry.
            outcomes.withUnsafeBufferPointer { outcomes in
                missed.withPieces { missed in
                    quoted.withPieces { quoted in
                        weakestNames.withPieces { weakestNames in
                            learners.withOutcomeReader(plans: plans) { reader in
                                var previous = Int.max
                                for offset in range {
                                    let entry = entries.compact(offset)
                                    writeNeedsHelp(
                                        entry, first: offset == 0, after: previous, learners,
                                        report.names, weakestNames, missed, &reader, &numbers, &out
                                    ) { block, outcome, out in
                                        appendMissed(
                                            outcomes[block][outcome], refs: quoted, separator: ", ",
                                            into: &out)
                                    }
                                    previous = entry.learner
                                }
                            }
                        }
                    }
                }
            }
            return out.bytes
        } consume: {
            write($0)
        }
        if !entries.isEmpty { write(Array("\n  ".utf8)) }
    }

    /// `{"learner": ID, "name": NAME` (null without a name), the opening of a learner's entry
    /// in `learners` and in `needsHelp`.
    private static func writeOpening(
        _ position: Int, of learners: GradedLearners, _ displayNames: [String: String],
        first: Bool, _ out: inout JSONWriter
    ) {
        out.raw(first ? "\n    {\"learner\": " : ",\n    {\"learner\": ")
        learners.writeName(position, into: &out)
        out.raw(", \"name\": ")
        if !displayNames.isEmpty, let name = displayNames[learners.name(position)] {
            out.string(name)
        } else {
            out.raw("null")
        }
    }

    /// One entry of `needsHelp`. The learners, names and competency ids are handed in, taken
    /// out once per piece: taken out per entry, the rendering threads would fight over their
    /// reference counts.
    private static func writeNeedsHelp(
        _ entry: HelpList.Compact, first: Bool, after previous: Int, _ learners: GradedLearners,
        _ displayNames: [String: String], _ competencies: FragmentTable.Pieces,
        _ missed: FragmentTable.Pieces, _ reader: inout GradedLearners.OutcomeReader,
        _ numbers: inout NumberTexts, _ out: inout JSONWriter,
        render: (Int, Int, inout JSONWriter) -> Void
    ) {
        writeOpening(entry.learner, of: learners, displayNames, first: first, &out)
        out.raw(", \"percent\": ")
        numbers.write(entry.percent, into: &out)
        out.raw(", \"weakest\": [")
        for (position, competency) in entry.weakest.enumerated() {
            if position > 0 { out.raw(", ") }
            out.append(competencies.piece(block: 0, outcome: competency))
        }
        out.raw("], \"missed\": [")
        reader.withOutcomes(entry.learner, after: previous, at: entry.place) { blocks, outcomes in
            appendOutcomes(
                missed, blocks: blocks, outcomes: outcomes, separator: ", ", into: &out,
                render: render)
        }
        out.raw("]}")
    }

    static func writeRejected(_ rejected: [RejectedRow], into out: inout JSONWriter) {
        for (offset, row) in rejected.enumerated() {
            out.raw(offset == 0 ? "\n    {\"file\": " : ",\n    {\"file\": ")
            out.string(row.file)
            out.raw(", \"line\": ")
            out.int(row.line)
            out.raw(", \"column\": ")
            out.int(row.column)
            out.raw(", \"reason\": ")
            out.string(row.reason)
            out.raw("}")
        }
        if !rejected.isEmpty { out.raw("\n  ") }
    }
}

/// What a learner's JSON needs from the quiz, taken out once (copying the whole index per
/// learner would make the rendering threads fight over its reference counts).
struct LearnerNames: Sendable {
    /// `"ID": ` per competency, escaped, read through `withPieces` (block 0, a piece per
    /// competency): one array per competency would be retained and released by every thread
    /// for every learner.
    var competencies: FragmentTable
    var refs: [String]
}
