import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The terminal table: who needs help, learners, competencies, items and their answers, test,
/// rejected rows, notes. Learner ids, names, answers, refs and titles come from sheets and quiz
/// files, so they are shown through `TerminalText`. Given a width, every table fits it.
public enum GradeTable {
    /// Text from a file or a sheet, safe on a terminal and on one line.
    static func shown(_ text: String) -> String { TerminalText.sanitizeLine(text) }

    /// How many missed questions are named per learner in the table.
    static let missedShown = 4

    /// The whole table; its tables fit `width` columns when given.
    public static func render(_ report: GradeReport, color: Bool = false, width: Int? = nil)
        -> String
    {
        TextPieces.whole { render(report, color: color, width: width, into: &$0) }
    }

    /// The table, handed to `write` in pieces as its lines are made (see `TextPieces`).
    public static func render(
        _ report: GradeReport, color: Bool = false, width: Int? = nil, write: ([UInt8]) -> Void
    ) {
        TextPieces.write(write) { render(report, color: color, width: width, into: &$0) }
    }

    static func render(
        _ report: GradeReport, color: Bool, width: Int?, into out: inout TextPieces
    ) {
        let style = TextStyle(color: color)
        let graded = report.graded
        let learners = graded.learners
        let passed = learners.filter(\.passed).count
        out +=
            "Quiz \(shown(report.quizID)): \(shown(report.index.quiz.title))\n"
            + "Pass mark \(GradeRendering.percent(graded.passPercent)) · \(learners.count) "
            + "learner\(learners.count == 1 ? "" : "s") · \(passed) passed\n\n"
        needsHelpText(report, style: style, width: width, into: &out)
        out += "\nLearners\n"
        learnersText(report, style: style, width: width, into: &out)
        let profile = report.competencyProfile
        if !profile.isEmpty {
            out += "\nCompetency profile (mean of learners' percent)\n"
            out += TextTable(rightAligned: [1]).render(
                profile.map { entry in
                    let title =
                        report.index.competencies.firstIndex(of: entry.id).map {
                            report.index.competencyTitles[$0]
                        } ?? entry.id
                    return [
                        shown(title), GradeRendering.percent(entry.percent),
                        "\(entry.learners) learner\(entry.learners == 1 ? "" : "s")",
                    ]
                }, width: width)
        }
        out += "\n" + itemsText(report.items, style: style, width: width)
        out += "\n" + answersText(report, width: width)
        out += "\n" + wrapped(testText(report.test), width: width, indent: "") + "\n"
        out += notesText(
            rejectedTitle: "Rejected rows", rejected: report.rejected, notes: report.notes,
            width: width)
    }

    /// Who needs help, lowest first: percent, weakest competencies, missed questions.
    static func needsHelpText(
        _ report: GradeReport, style: TextStyle, width: Int?, into out: inout TextPieces
    ) {
        guard !report.needsHelp.isEmpty else {
            out += "Needs help: nobody (everyone passed, every competency at the pass mark)\n"
            return
        }
        out +=
            "Needs help (\(report.needsHelp.count): failed, or a competency below the pass mark; "
            + "lowest first)\n"
        var rows = [["LEARNER", "PERCENT", "WEAKEST", "MISSED"]]
        for entry in report.needsHelp {
            let learner = report.graded.learners[entry.learner]
            let missed = report.missed(entry)
            let refs = missed.prefix(missedShown).map { report.index.refs[$0] }
            let more = missed.count - refs.count
            rows.append([
                shown(GradeRendering.learner(learner, in: report)),
                learner.passed
                    ? GradeRendering.percent(entry.percent)
                    : style.red(GradeRendering.percent(entry.percent)),
                shown(
                    entry.weakest.map { GradeRendering.competency($0, learner, in: report) }
                        .joined(separator: ", ")),
                shown(refs.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")),
            ])
        }
        TextTable(rightAligned: [1]).forEachLine(rows, width: width) { _, line in
            out += line + "\n"
        }
    }

    /// One row per learner: name and id, score, pass, competencies by title, then what was left
    /// unanswered or ignored (off the learner's path).
    static func learnersText(
        _ report: GradeReport, style: TextStyle, width: Int?, into out: inout TextPieces
    ) {
        let profile = report.competencyProfile
        let competencies = profile.compactMap { report.index.competencies.firstIndex(of: $0.id) }
        var rows = [
            ["LEARNER", "SCORE", "PERCENT", "RESULT"]
                + competencies.map { shown(report.index.competencyTitles[$0].uppercased()) }
                + ["UNANSWERED, IGNORED"]
        ]
        for learner in report.graded.learners {
            var row = [
                shown(GradeRendering.learner(learner, in: report)),
                "\(GradeRendering.decimal(learner.earned))/\(GradeRendering.decimal(learner.max))",
                GradeRendering.percent(learner.percent),
                learner.passed ? style.green("pass") : style.red("fail"),
            ]
            for index in competencies {
                row.append(GradeRendering.percent(learner.competencies[index].percent))
            }
            var left: [String] = []
            if learner.unanswered > 0 { left.append("\(learner.unanswered) unanswered") }
            if !learner.ignored.isEmpty { left.append("\(learner.ignored.count) ignored") }
            rows.append(row + [left.joined(separator: ", ")])
        }
        // Competency columns are left-aligned so that their titles may wrap; a learner's id is
        // kept whole where it can be.
        let longest = report.graded.learners.map { TerminalText.displayWidth($0.learner) }.max()
        let table = TextTable(
            rightAligned: [1, 2], minimumWidths: [0: Swift.min(32, longest ?? 8)])
        // The last column is often empty: no padding is left at the end of a line.
        table.forEachLine(rows, width: width) { _, line in
            var text = Substring(line)
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
    }

    /// Each item's question, and its answers: options with the right ones marked, or the key
    /// and the common wrong answers.
    static func answersText(_ report: GradeReport, width: Int?) -> String {
        var out = "Answers (✓ marks the right option)\n"
        let wrap = Swift.max(40, (width ?? 100) - 2)
        for (item, detail) in zip(report.items, report.details) {
            out += "  \(shown(item.ref))\n"
            for line in TextWrap.lines(shown(detail.prompt), width: wrap, first: "    ") {
                out += line + "\n"
            }
            let answers = GradeRendering.answers(item, detail)
            if !answers.isEmpty {
                for line in TextWrap.lines(shown(answers), width: wrap, first: "    ") {
                    out += line + "\n"
                }
            }
        }
        return out
    }

    /// The rejected rows (or cells) with their reasons, then the notes; nothing when there are
    /// none.
    static func notesText(
        rejectedTitle: String, rejected: [RejectedRow], notes: [String], width: Int? = nil
    ) -> String {
        var out = ""
        if !rejected.isEmpty {
            out += "\n\(rejectedTitle) (\(rejected.count))\n"
            for row in rejected {
                out += wrapped(
                    "\(shown(row.file)):\(row.line):\(row.column): \(shown(row.reason))",
                    width: width)
            }
        }
        if !notes.isEmpty {
            out += "\nNotes\n"
            for note in notes { out += wrapped(shown(note), width: width) }
        }
        return out
    }

    /// `text` on lines of at most `width` (a hanging indent under the first), each ending in a
    /// newline but the last when `indent` is empty; as it is without a width.
    static func wrapped(_ text: String, width: Int?, indent: String = "  ") -> String {
        guard let width else { return indent + text + (indent.isEmpty ? "" : "\n") }
        let lines = TextWrap.lines(text, width: width, first: indent, rest: indent + "  ")
        return lines.joined(separator: "\n") + (indent.isEmpty ? "" : "\n")
    }

    /// The item analysis table, flagged items in yellow.
    static func itemsText(_ items: [ItemStatistics], style: TextStyle, width: Int? = nil)
        -> String
    {
        var out =
            "Items (flagged: facility outside \(ItemAnalysis.facilityRange.lowerBound)-"
            + "\(ItemAnalysis.facilityRange.upperBound) or discrimination below "
            + "\(ItemAnalysis.minimumDiscrimination))\n"
            + wrapped(
                "DISCR discrimination, EFFIC efficiency, WEIGHT effective weight, "
                    + "BLANK unanswered", width: width)
        var rows = [["ITEM", "N", "FACILITY", "SD", "DISCR", "EFFIC", "WEIGHT", "BLANK", "FLAGS"]]
        for item in items {
            rows.append([
                shown(item.ref), "\(item.attempts)", GradeRendering.fraction(item.facility),
                GradeRendering.fraction(item.sd), GradeRendering.fraction(item.discrimination),
                GradeRendering.fraction(item.efficiency),
                GradeRendering.percent(item.effectiveWeight.map { $0 * 100 }), "\(item.unanswered)",
                item.flags.joined(separator: ", "),
            ])
        }
        let longest = items.map { TerminalText.displayWidth($0.ref) }.max() ?? 8
        let table = TextTable(
            rightAligned: [1, 2, 3, 4, 5, 6, 7], minimumWidths: [0: Swift.min(34, longest)])
        for line in table.lines(rows, width: width) {
            let flagged = line.row > 0 && !items[line.row - 1].flags.isEmpty
            out += (flagged ? style.yellow(line.text) : line.text) + "\n"
        }
        return out
    }

    /// The test statistics on one line.
    static func testText(_ test: TestStatistics) -> String {
        "Test: \(test.learners) learner\(test.learners == 1 ? "" : "s") · mean "
            + "\(GradeRendering.decimal(test.mean)) · median \(GradeRendering.decimal(test.median)) · "
            + "SD \(GradeRendering.decimal(test.sd)) · skewness \(GradeRendering.decimal(test.skewness)) · "
            + "kurtosis \(GradeRendering.decimal(test.kurtosis)) · alpha "
            + "\(GradeRendering.fraction(test.alpha)) · SEM \(GradeRendering.decimal(test.sem))"
    }
}
