import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// Renders progress reports as a terminal table, JSON or CSV. Pure: text in, text out. Names of
/// quizzes, competencies, refs and learners come from files a learner can edit, so the table
/// shows them through `TerminalText`.
public enum ProgressRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
    }

    // MARK: One learner

    /// The report of one learner; a table fits `width` columns when given.
    public static func render(
        _ report: ProgressReport, as format: Format, color: Bool = false, width: Int? = nil
    ) -> String {
        switch format {
        case .table: return table(report, style: TextStyle(color: color), width: width)
        case .json: return json(report)
        case .csv: return csv(report)
        }
    }

    /// The summary of every learner; a table fits `width` columns when given.
    public static func render(
        _ rows: [LearnerSummary], at now: Date, as format: Format, color: Bool = false,
        width: Int? = nil
    ) -> String {
        switch format {
        case .table: return table(rows, at: now, style: TextStyle(color: color), width: width)
        case .json: return json(rows, at: now)
        case .csv: return csv(rows)
        }
    }

    /// Text from a file, safe on a terminal and on one line.
    private static func shown(_ text: String) -> String { TerminalText.sanitizeLine(text) }

    static func table(_ report: ProgressReport, style paint: TextStyle, width: Int?) -> String {
        let learner = shown(report.learner)
        var out = "Progress of \(learner) as of \(dateTime(report.asOf))\n"
        if let factor = report.timeFactor {
            out += "Exams: time factor \(format(factor)) (the learner's profile)\n"
        }
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
                if let factor = line.timeFactor {
                    status += (status.isEmpty ? "" : ", ") + "time factor \(format(factor))"
                }
                rows.append([
                    shown(line.quiz), "\(line.attempts)", percent(line.best), percent(line.last),
                    trend(line.trend),
                    status.hasPrefix("passed") ? paint.green(status) : paint.yellow(status),
                ])
            }
            out += TextTable(rightAligned: [1, 2, 3, 4]).render(rows, width: width)
        }
        for quiz in report.inProgress.map(shown) {
            out += "  \(quiz) has an attempt in progress: `rehearse take \(quiz) --resume`\n"
        }
        out += "\n" + paint.bold("Mastery") + "\n"
        if report.competencies.isEmpty {
            out += "  nothing measured yet\n"
        } else {
            out += TextTable().render(
                report.competencies.map { line in
                    [
                        shown(line.competency), bar(line.mastery, paint: paint),
                        percent(line.mastery),
                    ]
                }, width: width)
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
            let shownDue = report.dueNow.prefix(15)
            var rows: [[String]] = []
            for line in shownDue {
                rows.append([
                    shown(line.ref), paint.yellow("due " + relative(line.due, from: report.asOf)),
                ])
            }
            for line in report.upcoming.prefix(Swift.max(0, 5 - shownDue.count)) {
                rows.append([shown(line.ref), relative(line.due, from: report.asOf)])
            }
            out += TextTable().render(rows, width: width)
            if report.dueNow.count > shownDue.count {
                out += "  ... and \(report.dueNow.count - shownDue.count) more due now\n"
            }
            if !report.dueNow.isEmpty {
                out += "  Run `rehearse review --learner \(learner)` to review them.\n"
            }
        }
        return out
    }

    static func table(
        _ rows: [LearnerSummary], at now: Date, style paint: TextStyle, width: Int?
    ) -> String {
        guard !rows.isEmpty else { return "No learner has progress in this data folder yet.\n" }
        var out = "\(rows.count) learner\(rows.count == 1 ? "" : "s") as of \(dateTime(now))\n\n"
        var cells = [["learner", "attempts", "passed", "last activity", "due", "mastery"]]
        for row in rows {
            if let error = row.error {
                cells.append([shown(row.learner), "", "", "", "", "unreadable: " + shown(error)])
                continue
            }
            let masteryText =
                row.mastery.map { bar($0, width: 10, paint: paint) + " " + percent($0) } ?? "-"
            cells.append([
                shown(row.learner), "\(row.attempts)", "\(row.quizzesPassed)/\(row.quizzes)",
                row.lastActivity.map(date) ?? "-", "\(row.dueNow)", masteryText,
            ])
        }
        out += TextTable(rightAligned: [1, 2, 4]).render(cells, width: width)
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
        var timeFactor: Double?
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
            due: report.dueNow, upcoming: report.upcoming, inProgress: report.inProgress,
            timeFactor: report.timeFactor)
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
    public static func bar(
        _ value: Double, width: Int = 20, paint: TextStyle = TextStyle(color: false)
    ) -> String {
        let filled = Swift.min(width, Swift.max(0, whole(value / 100 * Double(width))))
        let hashes = String(repeating: "#", count: filled)
        let rest = String(repeating: "-", count: width - filled)
        let colored =
            value >= 80
            ? paint.green(hashes) : (value >= 50 ? paint.yellow(hashes) : paint.red(hashes))
        return colored + paint.dim(rest)
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return "\(whole(value))%"
    }

    static func trend(_ value: Double?) -> String {
        guard let value else { return "-" }
        let points = whole(value)
        return points > 0 ? "+\(points)" : "\(points)"
    }

    /// "in 3 days", "in 5 hours", "2 days ago", "now": `RelativeTime`, as `review` says it.
    static func relative(_ time: Date, from now: Date) -> String {
        RelativeTime.phrase(time, from: now)
    }

    /// A value rounded to a whole number that cannot trap: NaN is 0, and the value is held
    /// within ±1e15 (the store refuses percents outside 0-100 before they get here).
    static func whole(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        return Int(Swift.min(Swift.max(value.rounded(), -1e15), 1e15))
    }

    /// A time as `ISO8601DateFormatter` writes it, by `ProgressTime`'s arithmetic (a formatter
    /// per row cost more than reading the row's file).
    static func isoDate(_ date: Date) -> String { ProgressTime.format(date) }

    static func date(_ date: Date) -> String { String(isoDate(date).prefix(10)) }

    static func dateTime(_ date: Date) -> String {
        let text = isoDate(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }
}

/// A CSV cell: text the program did not choose is neutralised against spreadsheet formulas;
/// numbers the program writes stay numbers.
public enum CSVCell: Sendable, Hashable {
    case text(String)
    case number(Double)
    case empty

    static func optional(_ value: Double?) -> CSVCell { value.map(CSVCell.number) ?? .empty }

    /// The cell as written: text with its control characters but CR shown as escapes
    /// (`TerminalText.sanitize`: a CSV file is often looked at with `cat`), then through
    /// `CSVField.text` (quoted as needed, a leading `'` where a spreadsheet would run it as a
    /// formula); numbers with at most two decimals.
    public var encoded: String {
        switch self {
        case .empty:
            return ""
        case .number(let value):
            guard value.isFinite else { return "" }
            if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
            return String(format: "%.2f", value)
        case .text(let text):
            return CSVField.text(TerminalText.sanitize(text, keeping: ["\r"]))
        }
    }

    static func document(_ rows: [[CSVCell]]) -> String {
        rows.map { CSVField.record($0.map(\.encoded)) }.joined()
    }
}
