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
    /// The report in `format`; a table fits `width` columns when given. With `csv`, `itemsTable`
    /// writes the item analysis and `marksTable` the learner x item marks matrix instead of the
    /// learners.
    public static func render(
        _ report: GradeReport, format: ReportFormat, itemsTable: Bool = false,
        marksTable: Bool = false, color: Bool = false, width: Int? = nil
    ) -> [UInt8] {
        switch format {
        case .json: return GradeJSON.render(report)
        case .table: return Array(GradeTable.render(report, color: color, width: width).utf8)
        case .csv:
            if marksTable { return Array(GradeCSV.marks(report).utf8) }
            return Array(
                (itemsTable ? GradeCSV.items(report.items) : GradeCSV.learners(report)).utf8)
        case .markdown: return Array(GradeMarkdown.render(report).utf8)
        case .html: return Array(GradeHTML.render(report).utf8)
        }
    }

    /// The report in `format`, in pieces handed to `write` in order: the JSON report and the CSV
    /// tables of learners and marks are written a few hundred learners at a time, the HTML and
    /// Markdown reports and the terminal table in pieces of about 256 KB, so they never sit in
    /// memory whole (the table keeps its cells, to line up its columns); the CSV item table in
    /// one piece. The bytes are those of
    /// `render(_:format:itemsTable:marksTable:color:width:)`. The JSON report's pieces are
    /// written into buffers from `buffers` when given (those the writer hands back).
    public static func render(
        _ report: GradeReport, format: ReportFormat, itemsTable: Bool = false,
        marksTable: Bool = false, color: Bool = false, width: Int? = nil,
        buffers: ByteBuffers? = nil, write: ([UInt8]) -> Void
    ) {
        switch format {
        case .json: GradeJSON.render(report, buffers: buffers, write: write)
        case .csv where marksTable: GradeCSV.marks(report, write: write)
        case .csv where !itemsTable: GradeCSV.learners(report, write: write)
        case .table: GradeTable.render(report, color: color, width: width, write: write)
        case .html: GradeHTML.render(report, write: write)
        case .markdown: GradeMarkdown.render(report, write: write)
        default:
            write(
                render(
                    report, format: format, itemsTable: itemsTable, marksTable: marksTable,
                    color: color, width: width))
        }
    }

    /// What an undefined statistic shows: never 0.
    public static let undefined = "n/a"

    /// A number for people: at most `digits` decimals, no trailing zeros.
    public static func decimal(_ value: Double?, digits: Int = 2) -> String {
        guard let value, value.isFinite else { return undefined }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A percentage with one decimal: `70.8%`.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return undefined }
        return decimal(value, digits: 1) + "%"
    }

    /// A fraction shown as it is, with two decimals: `0.74`.
    public static func fraction(_ value: Double?) -> String {
        guard let value, value.isFinite else { return undefined }
        return String(format: "%.2f", value)
    }

    /// A learner as people read them: `Name · id`, or the id alone.
    public static func learner(_ learner: LearnerGrade, in report: GradeReport) -> String {
        guard let name = report.name(of: learner) else { return learner.learner }
        return "\(name) · \(learner.learner)"
    }

    /// A competency by title with a percent: `Empathy 42.1%`.
    public static func competency(_ index: Int, _ learner: LearnerGrade, in report: GradeReport)
        -> String
    {
        report.index.competencyTitles[index] + " "
            + percent(learner.competencies[index].percent)
    }

    /// The options of an item with their counts, the right ones marked: `a ✓ 7 · b 4 · c 1`;
    /// for `text` and `number` items the key and the common wrong answers.
    public static func answers(_ item: ItemStatistics, _ detail: ItemDetail) -> String {
        if !item.options.isEmpty {
            return item.options.map { option in
                option.id + (detail.rightOptions.contains(option.id) ? " ✓ " : " ")
                    + "\(option.count)"
            }.joined(separator: " · ")
        }
        var parts: [String] = []
        if !detail.key.isEmpty { parts.append("key \(detail.key)") }
        if !detail.wrongAnswers.isEmpty {
            parts.append(
                "wrong: "
                    + detail.wrongAnswers.map { "\($0.answer) ×\($0.count)" }
                    .joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }
}
