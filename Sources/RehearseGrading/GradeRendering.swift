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
    public static func render(
        _ report: GradeReport, format: ReportFormat, itemsTable: Bool = false, color: Bool = false
    ) -> [UInt8] {
        switch format {
        case .json: return GradeJSON.render(report)
        case .table: return Array(GradeTable.render(report, color: color).utf8)
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

    /// Left-aligned columns separated by two spaces, indented by two; `right` columns aligned
    /// right.
    static func columns(_ rows: [[String]], right: Set<Int> = []) -> String {
        guard let count = rows.first?.count else { return "" }
        var widths = [Int](repeating: 0, count: count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < count {
                widths[index] = Swift.max(widths[index], cell.count)
            }
        }
        var out = ""
        for row in rows {
            var line = "  "
            for (index, cell) in row.enumerated() where index < count {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { line += "  " }
                if right.contains(index) {
                    line += pad + cell
                } else {
                    line += index == count - 1 ? cell : cell + pad
                }
            }
            out += line + "\n"
        }
        return out
    }
}

/// The terminal table: learners, items, test, rejected rows, notes.
public enum GradeTable {
    public static func render(_ report: GradeReport, color: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String {
            color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
        let graded = report.graded
        let learners = graded.learners
        let passed = learners.filter(\.passed).count
        var out =
            "Quiz \(report.quizID): \(report.index.quiz.title)\n"
            + "Pass mark \(GradeRendering.percent(graded.passPercent)) · \(learners.count) "
            + "learner\(learners.count == 1 ? "" : "s") · \(passed) passed\n\n"
        let profile = report.competencyProfile
        let competencyIDs = profile.map(\.id)
        var rows = [
            ["LEARNER", "SCORE", "PERCENT", "RESULT", "UNANSWERED", "IGNORED"]
                + competencyIDs.map { $0.uppercased() }
        ]
        var cellColors: [Int: String] = [:]
        for (offset, learner) in learners.enumerated() {
            var row = [
                learner.learner,
                "\(GradeRendering.decimal(learner.earned))/\(GradeRendering.decimal(learner.max))",
                GradeRendering.percent(learner.percent), learner.passed ? "pass" : "fail",
                "\(learner.unanswered)", "\(learner.ignored.count)",
            ]
            for id in competencyIDs {
                let index = report.index.competencies.firstIndex(of: id) ?? 0
                row.append(GradeRendering.percent(learner.competencies[index].percent))
            }
            rows.append(row)
            cellColors[offset + 1] = learner.passed ? "32" : "31"
        }
        let table = GradeRendering.columns(
            rows, right: Set([1, 2, 4, 5] + (6..<(6 + competencyIDs.count))))
        if color {
            for (offset, line) in table.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated() where !line.isEmpty
            {
                var text = String(line)
                if let code = cellColors[offset] {
                    text = text.replacingOccurrences(
                        of: code == "32" ? "  pass  " : "  fail  ",
                        with: "  " + paint(code == "32" ? "pass" : "fail", code) + "  ")
                }
                out += text + "\n"
            }
        } else {
            out += table
        }
        if !profile.isEmpty {
            out += "\nCompetency profile (mean of learners' percent)\n"
            out += GradeRendering.columns(
                profile.map {
                    [
                        $0.id, GradeRendering.percent($0.percent),
                        "\($0.learners) learner\($0.learners == 1 ? "" : "s")",
                    ]
                },
                right: [1])
        }
        out += "\n" + itemsText(report.items, paint: paint)
        out += "\n" + testText(report.test) + "\n"
        if !report.rejected.isEmpty {
            out += "\nRejected rows (\(report.rejected.count))\n"
            for row in report.rejected {
                out += "  \(row.file):\(row.line):\(row.column): \(row.reason)\n"
            }
        }
        if !report.notes.isEmpty {
            out += "\nNotes\n"
            for note in report.notes { out += "  \(note)\n" }
        }
        return out
    }

    static func itemsText(_ items: [ItemStatistics], paint: (String, String) -> String) -> String {
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
                item.ref, "\(item.attempts)", GradeRendering.fraction(item.facility),
                GradeRendering.fraction(item.sd), GradeRendering.fraction(item.discrimination),
                GradeRendering.fraction(item.efficiency),
                GradeRendering.percent(item.effectiveWeight.map { $0 * 100 }), "\(item.unanswered)",
                item.options.map { "\($0.id):\($0.count)" }.joined(separator: " "),
                item.flags.joined(separator: ", "),
            ])
        }
        let table = GradeRendering.columns(rows, right: [1, 2, 3, 4, 5, 6, 7])
        for line in table.split(separator: "\n") {
            let flagged =
                !(items.first { line.hasPrefix("  " + $0.ref + " ") }?.flags.isEmpty ?? true)
            out += (flagged ? paint(String(line), "33") : String(line)) + "\n"
        }
        return out
    }

    static func testText(_ test: TestStatistics) -> String {
        "Test: \(test.learners) learner\(test.learners == 1 ? "" : "s") · mean "
            + "\(GradeRendering.decimal(test.mean)) · median \(GradeRendering.decimal(test.median)) · "
            + "SD \(GradeRendering.decimal(test.sd)) · skewness \(GradeRendering.decimal(test.skewness)) · "
            + "kurtosis \(GradeRendering.decimal(test.kurtosis)) · alpha "
            + "\(GradeRendering.fraction(test.alpha)) · SEM \(GradeRendering.decimal(test.sem))"
    }
}
