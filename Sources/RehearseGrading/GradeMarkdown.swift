import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A Markdown report (GitHub-flavoured tables). Learner text is escaped so it can neither break
/// a table nor inject HTML.
public enum GradeMarkdown {
    /// Escapes a table cell: `|`, backslashes, HTML specials and Markdown emphasis; line breaks
    /// become spaces.
    public static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "*", "_", "`", "[", "]": out += "\\\(character)"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out +=
            "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }

    public static func render(_ report: GradeReport) -> String {
        let graded = report.graded
        let learners = graded.learners
        var out = "# \(cell(report.index.quiz.title)) (`\(report.quizID)`)\n\n"
        out +=
            "Pass mark \(GradeRendering.percent(graded.passPercent)); \(learners.count) learner\(learners.count == 1 ? "" : "s"), "
            + "\(learners.filter(\.passed).count) passed.\n\n## Learners\n\n"
        let profile = report.competencyProfile
        let competencyIndex = profile.map { report.index.competencies.firstIndex(of: $0.id) ?? 0 }
        out += table(
            ["Learner", "Score", "Percent", "Result", "Unanswered", "Ignored"]
                + profile.map { cell($0.id) },
            learners.map { learner in
                [
                    cell(learner.learner),
                    "\(GradeRendering.decimal(learner.earned)) / \(GradeRendering.decimal(learner.max))",
                    GradeRendering.percent(learner.percent), learner.passed ? "pass" : "**fail**",
                    "\(learner.unanswered)", "\(learner.ignored.count)",
                ] + competencyIndex.map { GradeRendering.percent(learner.competencies[$0].percent) }
            }, right: Set([1, 2, 4, 5] + (6..<(6 + profile.count))))
        if !profile.isEmpty {
            out += "\n## Competency profile\n\n"
            out += table(
                ["Competency", "Mean percent", "Learners"],
                profile.map {
                    [cell($0.id), GradeRendering.percent($0.percent), "\($0.learners)"]
                },
                right: [1, 2])
        }
        out += "\n## Item analysis\n\n"
        out +=
            "Flagged: facility outside \(ItemAnalysis.facilityRange.lowerBound)-"
            + "\(ItemAnalysis.facilityRange.upperBound), or discrimination below "
            + "\(ItemAnalysis.minimumDiscrimination).\n\n"
        out += table(
            [
                "Item", "N", "Facility", "SD", "Discrimination", "Efficiency", "Unanswered",
                "Options", "Flags",
            ],
            report.items.map { item in
                [
                    "`\(item.ref)`", "\(item.attempts)", GradeRendering.fraction(item.facility),
                    GradeRendering.fraction(item.sd), GradeRendering.fraction(item.discrimination),
                    GradeRendering.fraction(item.efficiency), "\(item.unanswered)",
                    cell(item.options.map { "\($0.id): \($0.count)" }.joined(separator: ", ")),
                    item.flags.isEmpty ? "" : "**\(item.flags.joined(separator: ", "))**",
                ]
            }, right: [1, 2, 3, 4, 5, 6])
        let test = report.test
        out += "\n## Test\n\n"
        out += table(
            ["Learners", "Mean", "Median", "SD", "Skewness", "Kurtosis", "Alpha", "SEM"],
            [
                [
                    "\(test.learners)", GradeRendering.decimal(test.mean),
                    GradeRendering.decimal(test.median), GradeRendering.decimal(test.sd),
                    GradeRendering.decimal(test.skewness), GradeRendering.decimal(test.kurtosis),
                    GradeRendering.fraction(test.alpha), GradeRendering.decimal(test.sem),
                ]
            ], right: Set(0..<8))
        if !report.rejected.isEmpty {
            out += "\n## Rejected rows\n\n"
            out += table(
                ["File", "Line", "Column", "Reason"],
                report.rejected.map {
                    [cell($0.file), "\($0.line)", "\($0.column)", cell($0.reason)]
                },
                right: [1, 2])
        }
        if !report.notes.isEmpty {
            out += "\n## Notes\n\n"
            for note in report.notes { out += "- \(cell(note))\n" }
        }
        return out
    }
}
