import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The formats `rehearse grade` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown, html

    public static var names: [String] { allCases.map(\.rawValue) }
}

/// Renders a grade report in any format.
public enum GradeRendering {
    /// The report in `format`; a table fits `width` columns when given.
    public static func render(
        _ report: GradeReport, format: ReportFormat, itemsTable: Bool = false, color: Bool = false,
        width: Int? = nil
    ) -> [UInt8] {
        switch format {
        case .json: return GradeJSON.render(report)
        case .table: return Array(GradeTable.render(report, color: color, width: width).utf8)
        case .csv:
            return Array(
                (itemsTable ? GradeCSV.items(report.items) : GradeCSV.learners(report)).utf8)
        case .markdown: return Array(GradeMarkdown.render(report).utf8)
        case .html: return Array(GradeHTML.render(report).utf8)
        }
    }

    /// A number for people: at most `digits` decimals, no trailing zeros.
    public static func decimal(_ value: Double?, digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "-" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A percentage with one decimal: `70.8%`.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return decimal(value, digits: 1) + "%"
    }

    /// A fraction shown as it is, with two decimals: `0.74`.
    public static func fraction(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.2f", value)
    }
}

/// The terminal table: learners, items, test, rejected rows, notes. Learner ids, answers, refs
/// and titles come from sheets and quiz files, so they are shown through `TerminalText`.
public enum GradeTable {
    /// Text from a file or a sheet, safe on a terminal and on one line.
    static func shown(_ text: String) -> String { TerminalText.sanitizeLine(text) }

    /// The whole table; its tables fit `width` columns when given.
    public static func render(_ report: GradeReport, color: Bool = false, width: Int? = nil)
        -> String
    {
        let style = TextStyle(color: color)
        let graded = report.graded
        let learners = graded.learners
        let passed = learners.filter(\.passed).count
        var out =
            "Quiz \(shown(report.quizID)): \(shown(report.index.quiz.title))\n"
            + "Pass mark \(GradeRendering.percent(graded.passPercent)) · \(learners.count) "
            + "learner\(learners.count == 1 ? "" : "s") · \(passed) passed\n\n"
        let profile = report.competencyProfile
        let competencyIDs = profile.map(\.id)
        var rows = [
            ["LEARNER", "SCORE", "PERCENT", "RESULT", "UNANSWERED", "IGNORED"]
                + competencyIDs.map { shown($0.uppercased()) }
        ]
        for learner in learners {
            var row = [
                shown(learner.learner),
                "\(GradeRendering.decimal(learner.earned))/\(GradeRendering.decimal(learner.max))",
                GradeRendering.percent(learner.percent),
                learner.passed ? style.green("pass") : style.red("fail"),
                "\(learner.unanswered)", "\(learner.ignored.count)",
            ]
            for id in competencyIDs {
                let index = report.index.competencies.firstIndex(of: id) ?? 0
                row.append(GradeRendering.percent(learner.competencies[index].percent))
            }
            rows.append(row)
        }
        out += TextTable(rightAligned: Set([1, 2, 4, 5] + (6..<(6 + competencyIDs.count))))
            .render(rows, width: width)
        if !profile.isEmpty {
            out += "\nCompetency profile (mean of learners' percent)\n"
            out += TextTable(rightAligned: [1]).render(
                profile.map {
                    [
                        shown($0.id), GradeRendering.percent($0.percent),
                        "\($0.learners) learner\($0.learners == 1 ? "" : "s")",
                    ]
                }, width: width)
        }
        out += "\n" + itemsText(report.items, style: style, width: width)
        out += "\n" + testText(report.test) + "\n"
        out += notesText(
            rejectedTitle: "Rejected rows", rejected: report.rejected, notes: report.notes)
        return out
    }

    /// The rejected rows (or cells) with their reasons, then the notes; nothing when there are
    /// none.
    static func notesText(rejectedTitle: String, rejected: [RejectedRow], notes: [String])
        -> String
    {
        var out = ""
        if !rejected.isEmpty {
            out += "\n\(rejectedTitle) (\(rejected.count))\n"
            for row in rejected {
                out += "  \(shown(row.file)):\(row.line):\(row.column): \(shown(row.reason))\n"
            }
        }
        if !notes.isEmpty {
            out += "\nNotes\n"
            for note in notes { out += "  \(shown(note))\n" }
        }
        return out
    }

    /// The item analysis table, flagged items in yellow.
    static func itemsText(_ items: [ItemStatistics], style: TextStyle, width: Int? = nil)
        -> String
    {
        var out =
            "Items (flagged: facility outside \(ItemAnalysis.facilityRange.lowerBound)-"
            + "\(ItemAnalysis.facilityRange.upperBound) or discrimination below "
            + "\(ItemAnalysis.minimumDiscrimination))\n"
        var rows = [
            [
                "ITEM", "N", "FACILITY", "SD", "DISCRIMINATION", "EFFICIENCY", "WEIGHT",
                "UNANSWERED", "OPTIONS", "FLAGS",
            ]
        ]
        for item in items {
            rows.append([
                shown(item.ref), "\(item.attempts)", GradeRendering.fraction(item.facility),
                GradeRendering.fraction(item.sd), GradeRendering.fraction(item.discrimination),
                GradeRendering.fraction(item.efficiency),
                GradeRendering.percent(item.effectiveWeight.map { $0 * 100 }), "\(item.unanswered)",
                shown(item.options.map { "\($0.id):\($0.count)" }.joined(separator: " ")),
                item.flags.joined(separator: ", "),
            ])
        }
        let table = TextTable(rightAligned: [1, 2, 3, 4, 5, 6, 7])
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
