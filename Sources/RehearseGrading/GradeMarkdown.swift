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
        tableHead(header, right: right) + rows.map(tableRow).joined()
    }

    /// A table's header and alignment lines.
    static func tableHead(_ header: [String], right: Set<Int>) -> String {
        "| " + header.joined(separator: " | ") + " |\n" + "|"
            + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
    }

    static func tableRow(_ row: [String]) -> String { "| " + row.joined(separator: " | ") + " |\n" }

    public static func render(_ report: GradeReport) -> String {
        TextPieces.whole { render(report, into: &$0) }
    }

    /// The report, handed to `write` in pieces (see `TextPieces`).
    public static func render(_ report: GradeReport, write: ([UInt8]) -> Void) {
        TextPieces.write(write) { render(report, into: &$0) }
    }

    static func render(_ report: GradeReport, into out: inout TextPieces) {
        let graded = report.graded
        let learners = graded.learners
        out += "# \(cell(report.index.quiz.title)) (`\(report.quizID)`)\n\n"
        out +=
            "Pass mark \(GradeRendering.percent(graded.passPercent)); \(learners.count) learner\(learners.count == 1 ? "" : "s"), "
            + "\(learners.filter(\.passed).count) passed.\n\n"
        needsHelp(report, into: &out)
        out += "\n## Learners\n\n"
        let profile = report.competencyProfile
        let competencyIndex = profile.map { report.index.competencies.firstIndex(of: $0.id) ?? 0 }
        out += tableHead(
            ["Name", "Learner", "Score", "Percent", "Result", "Unanswered", "Ignored"]
                + competencyIndex.map { cell(report.index.competencyTitles[$0]) },
            right: Set([2, 3, 5, 6] + (7..<(7 + profile.count))))
        for learner in learners {
            out += tableRow(
                [
                    cell(report.name(of: learner) ?? ""), cell(learner.learner),
                    "\(GradeRendering.decimal(learner.earned)) / \(GradeRendering.decimal(learner.max))",
                    GradeRendering.percent(learner.percent), learner.passed ? "pass" : "**fail**",
                    "\(learner.unanswered)", "\(learner.ignored.count)",
                ] + competencyIndex.map { GradeRendering.percent(learner.competencies[$0].percent) }
            )
        }
        if !profile.isEmpty {
            out += "\n## Competency profile\n\n"
            out += table(
                ["Competency", "Mean percent", "Learners"],
                zip(profile, competencyIndex).map { entry, index in
                    [
                        cell(report.index.competencyTitles[index]),
                        GradeRendering.percent(entry.percent), "\(entry.learners)",
                    ]
                },
                right: [1, 2])
        }
        out += "\n## Item analysis\n\n"
        out +=
            "Flagged: facility outside \(ItemAnalysis.facilityRange.lowerBound)-"
            + "\(ItemAnalysis.facilityRange.upperBound), or discrimination below "
            + "\(ItemAnalysis.minimumDiscrimination).\n\n"
        out += "Answers: the options chosen, ✓ on the right ones; for text and number questions, "
        out += "the key and the most common wrong answers.\n\n"
        out += table(
            [
                "Item", "Question", "N", "Facility", "SD", "Discrimination", "Efficiency",
                "Unanswered", "Answers", "Flags",
            ],
            zip(report.items, report.details).map { item, detail in
                [
                    "`\(item.ref)`", cell(detail.prompt), "\(item.attempts)",
                    GradeRendering.fraction(item.facility),
                    GradeRendering.fraction(item.sd), GradeRendering.fraction(item.discrimination),
                    GradeRendering.fraction(item.efficiency), "\(item.unanswered)",
                    cell(GradeRendering.answers(item, detail)),
                    item.flags.isEmpty ? "" : "**\(item.flags.joined(separator: ", "))**",
                ]
            }, right: [2, 3, 4, 5, 6, 7])
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
    }

    /// Who needs help, lowest first, with their weakest competencies and missed questions.
    static func needsHelp(_ report: GradeReport, into out: inout TextPieces) {
        out += "## Needs help\n\n"
        guard !report.needsHelp.isEmpty else {
            out += "Nobody: everyone passed, with every competency at the pass mark.\n"
            return
        }
        out += "Failed, or a competency below the pass mark; lowest first.\n\n"
        out += tableHead(["Name", "Learner", "Percent", "Weakest", "Missed"], right: [2])
        for entry in report.needsHelp {
            let learner = report.graded.learners[entry.learner]
            out += tableRow([
                cell(report.name(of: learner) ?? ""), cell(learner.learner),
                GradeRendering.percent(entry.percent),
                cell(
                    entry.weakest.map { GradeRendering.competency($0, learner, in: report) }
                        .joined(separator: ", ")),
                report.missed(entry).map { "`\(report.index.refs[$0])`" }.joined(separator: ", "),
            ])
        }
    }
}
