import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// Renders progress reports as a terminal table, JSON or CSV. Pure: text in, text out.
public enum ProgressRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
    }

    // MARK: One learner

    public static func render(_ report: ProgressReport, as format: Format, color: Bool = false)
        -> String
    {
        switch format {
        case .table: return table(report, color: color)
        case .json: return json(report)
        case .csv: return csv(report)
        }
    }

    public static func render(
        _ rows: [LearnerSummary], at now: Date, as format: Format, color: Bool = false
    )
        -> String
    {
        switch format {
        case .table: return table(rows, at: now, color: color)
        case .json: return json(rows, at: now)
        case .csv: return csv(rows)
        }
    }

    static func table(_ report: ProgressReport, color: Bool) -> String {
        let paint = Paint(enabled: color)
        var out = "Progress of \(report.learner) as of \(dateTime(report.asOf))\n"
        out += "\n" + paint.bold("Quizzes") + "\n"
        if report.quizzes.isEmpty {
            out += "  no attempts yet\n"
        } else {
            var rows = [["quiz", "attempts", "best", "last", "trend", "status"]]
            for line in report.quizzes {
                var status = line.passed ? "passed" : (line.attempts > 0 ? "not passed yet" : "")
                if line.unfinished > 0 || report.inProgress.contains(line.quiz) {
                    status += status.isEmpty ? "unfinished" : ", unfinished"
                }
                rows.append([
                    line.quiz, "\(line.attempts)", percent(line.best), percent(line.last),
                    trend(line.trend), status,
                ])
            }
            let colored: (Int, Int, String) -> String = { row, column, text in
                guard row > 0, column == 5 else { return text }
                return text.hasPrefix("passed") ? paint.green(text) : paint.yellow(text)
            }
            out += grid(rows, rightAligned: [1, 2, 3, 4], style: colored)
        }
        for quiz in report.inProgress {
            out += "  \(quiz) has an attempt in progress: `rehearse take \(quiz) --resume`\n"
        }
        out += "\n" + paint.bold("Mastery") + "\n"
        if report.competencies.isEmpty {
            out += "  nothing measured yet\n"
        } else {
            let width = report.competencies.map(\.competency.count).max() ?? 0
            for line in report.competencies {
                let name = line.competency.padding(toLength: width, withPad: " ", startingAt: 0)
                out += "  \(name)  \(bar(line.mastery, paint: paint))  \(percent(line.mastery))\n"
            }
        }
        out += "\n" + paint.bold("Review") + "\n"
        if report.dueNow.isEmpty && report.upcoming.isEmpty {
            out += "  nothing scheduled yet\n"
        } else {
            out += "  \(report.dueNow.count) due now"
            if let next = report.upcoming.first {
                out += ", next \(relative(next.due, from: report.asOf)) (\(dateTime(next.due)))"
            }
            out += "\n"
            let shown = report.dueNow.prefix(15)
            var rows: [[String]] = []
            for line in shown {
                rows.append([line.ref, "due " + relative(line.due, from: report.asOf)])
            }
            for line in report.upcoming.prefix(Swift.max(0, 5 - shown.count)) {
                rows.append([line.ref, relative(line.due, from: report.asOf)])
            }
            out += grid(
                rows, rightAligned: [],
                style: { _, column, text in
                    column == 1 && text.hasPrefix("due") ? paint.yellow(text) : text
                })
            if report.dueNow.count > shown.count {
                out += "  ... and \(report.dueNow.count - shown.count) more due now\n"
            }
            if !report.dueNow.isEmpty {
                out += "  Run `rehearse review --learner \(report.learner)` to review them.\n"
            }
        }
        return out
    }

    static func table(_ rows: [LearnerSummary], at now: Date, color: Bool) -> String {
        let paint = Paint(enabled: color)
        guard !rows.isEmpty else { return "No learner has progress in this data folder yet.\n" }
        var out = "\(rows.count) learner\(rows.count == 1 ? "" : "s") as of \(dateTime(now))\n\n"
        var cells = [["learner", "attempts", "passed", "last activity", "due", "mastery"]]
        for row in rows {
            if let error = row.error {
                cells.append([row.learner, "", "", "", "", "unreadable: " + error])
                continue
            }
            let masteryText =
                row.mastery.map { bar($0, width: 10, paint: paint) + " " + percent($0) } ?? "-"
            cells.append([
                row.learner, "\(row.attempts)", "\(row.quizzesPassed)/\(row.quizzes)",
                row.lastActivity.map(date) ?? "-", "\(row.dueNow)", masteryText,
            ])
        }
        out += grid(cells, rightAligned: [1, 2, 4], style: { _, _, text in text })
        return out
    }

    // MARK: JSON

    private struct LearnerDocument: Encodable {
        var learner: String
        var asOf: Date
        var quizzes: [ProgressReport.QuizLine]
        var competencies: [String: Double]
        var due: [ProgressReport.DueLine]
        var upcoming: [ProgressReport.DueLine]
        var inProgress: [String]
    }

    private struct SummaryDocument: Encodable {
        var asOf: Date
        var learners: [LearnerSummary]
    }

    static func json(_ report: ProgressReport) -> String {
        let document = LearnerDocument(
            learner: report.learner, asOf: report.asOf, quizzes: report.quizzes,
            competencies: Dictionary(
                uniqueKeysWithValues: report.competencies.map { ($0.competency, $0.mastery) }),
            due: report.dueNow, upcoming: report.upcoming, inProgress: report.inProgress)
        return encode(document)
    }

    static func json(_ rows: [LearnerSummary], at now: Date) -> String {
        encode(SummaryDocument(asOf: now, learners: rows))
    }

    private static func encode<T: Encodable>(_ value: T) -> String {
        guard let data = try? AttemptRecord.makeEncoder().encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: CSV

    static func csv(_ report: ProgressReport) -> String {
        var rows: [[CSVCell]] = [
            [
                "learner", "kind", "id", "attempts", "best", "last", "trend", "passed", "percent",
                "due",
            ]
            .map(CSVCell.text)
        ]
        let learner = CSVCell.text(report.learner)
        for line in report.quizzes {
            rows.append([
                learner, .text("quiz"), .text(line.quiz), .number(Double(line.attempts)),
                .optional(line.best), .optional(line.last), .optional(line.trend),
                .text(line.passed ? "true" : "false"), .empty, .empty,
            ])
        }
        for line in report.competencies {
            rows.append([
                learner, .text("competency"), .text(line.competency), .empty, .empty, .empty,
                .empty, .empty, .number(line.mastery), .empty,
            ])
        }
        for line in report.dueNow + report.upcoming {
            rows.append([
                learner, .text("review"), .text(line.ref), .empty, .empty, .empty, .empty, .empty,
                .empty, .text(isoDate(line.due)),
            ])
        }
        return CSVCell.document(rows)
    }

    static func csv(_ rows: [LearnerSummary]) -> String {
        var cells: [[CSVCell]] = [
            [
                "learner", "attempts", "quizzes", "passed", "last_activity", "mastery", "due_now",
                "error",
            ]
            .map(CSVCell.text)
        ]
        for row in rows {
            cells.append([
                .text(row.learner), .number(Double(row.attempts)), .number(Double(row.quizzes)),
                .number(Double(row.quizzesPassed)),
                row.lastActivity.map { .text(isoDate($0)) } ?? .empty,
                .optional(row.mastery), .number(Double(row.dueNow)),
                row.error.map(CSVCell.text) ?? .empty,
            ])
        }
        return CSVCell.document(cells)
    }

    // MARK: Pieces

    /// A text bar of `#` for a percentage, padded with `-`; coloured on a terminal.
    public static func bar(_ value: Double, width: Int = 20, paint: Paint = Paint(enabled: false))
        -> String
    {
        let filled = Swift.min(width, Swift.max(0, Int((value / 100 * Double(width)).rounded())))
        let hashes = String(repeating: "#", count: filled)
        let rest = String(repeating: "-", count: width - filled)
        let colored =
            value >= 80
            ? paint.green(hashes) : (value >= 50 ? paint.yellow(hashes) : paint.red(hashes))
        return colored + paint.dim(rest)
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return "\(Int(value.rounded()))%"
    }

    static func trend(_ value: Double?) -> String {
        guard let value else { return "-" }
        let points = Int(value.rounded())
        return points > 0 ? "+\(points)" : "\(points)"
    }

    /// "in 3 days", "in 5 hours", "2 days ago", "now".
    static func relative(_ time: Date, from now: Date) -> String {
        let seconds = time.timeIntervalSince(now)
        let magnitude = abs(seconds)
        let text: String
        if magnitude < 60 {
            return "now"
        } else if magnitude < 3600 {
            text = count(Int(magnitude / 60), "minute")
        } else if magnitude < 86_400 {
            text = count(Int(magnitude / 3600), "hour")
        } else {
            text = count(Int(magnitude / 86_400), "day")
        }
        return seconds > 0 ? "in " + text : text + " ago"
    }

    private static func count(_ value: Int, _ unit: String) -> String {
        "\(value) \(unit)\(value == 1 ? "" : "s")"
    }

    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }

    static func date(_ date: Date) -> String { String(isoDate(date).prefix(10)) }

    static func dateTime(_ date: Date) -> String {
        let text = isoDate(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }

    /// Columns padded to their widest cell (measured before colouring).
    private static func grid(
        _ rows: [[String]], rightAligned: Set<Int>, style: (Int, Int, String) -> String
    ) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() {
                widths[column] = Swift.max(widths[column], cell.count)
            }
        }
        var out = ""
        for (index, row) in rows.enumerated() {
            var cells: [String] = []
            for (column, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                let last = column == row.count - 1
                let text = style(index, column, cell)
                cells.append(
                    rightAligned.contains(column) ? pad + text : (last ? text : text + pad))
            }
            out += "  " + cells.joined(separator: "  ") + "\n"
        }
        return out
    }
}

/// ANSI styling, a no-op when disabled (a pipe, `--no-color`, `NO_COLOR`).
public struct Paint: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    private func wrap(_ code: String, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap("1", text) }
    public func green(_ text: String) -> String { wrap("32", text) }
    public func yellow(_ text: String) -> String { wrap("33", text) }
    public func red(_ text: String) -> String { wrap("31", text) }
    public func dim(_ text: String) -> String { wrap("2", text) }
}

/// A CSV cell: text the program did not choose is neutralised against spreadsheet formulas;
/// numbers the program writes stay numbers.
public enum CSVCell: Sendable, Hashable {
    case text(String)
    case number(Double)
    case empty

    static func optional(_ value: Double?) -> CSVCell { value.map(CSVCell.number) ?? .empty }

    /// The cell as written: RFC 4180 quoting; a text cell starting with `=`, `+`, `-`, `@`,
    /// tab or CR gets a leading `'` so a spreadsheet shows it instead of running it.
    public var encoded: String {
        switch self {
        case .empty:
            return ""
        case .number(let value):
            if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
            return String(format: "%.2f", value)
        case .text(let raw):
            var text = raw
            if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                text = "'" + text
            }
            if text.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) {
                text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
    }

    static func document(_ rows: [[CSVCell]]) -> String {
        rows.map { $0.map(\.encoded).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
