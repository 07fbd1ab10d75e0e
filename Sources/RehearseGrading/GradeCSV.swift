import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// CSV reports (RFC 4180, CRLF). Text cells go through `CSVField.text` (neutralised against
/// formulas, quoted as needed); numbers the program writes are written as plain numbers and stay
/// numbers.
public enum GradeCSV {
    /// A text cell, neutralised and quoted as needed.
    public static func text(_ value: String) -> String { CSVField.text(value) }

    /// A number cell (never neutralised: it is ours). Empty when there is no value.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        var writer = JSONWriter(capacity: 24)  // numbers as the JSON report writes them
        writer.number(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func line(_ cells: [String]) -> String { CSVField.record(cells) }

    /// `number` with a cache in front: a table's marks take a handful of values (0, 0.5, 1, 2),
    /// each written a million times.
    struct Numbers {
        private var known: [UInt64: String] = [:]

        mutating func text(_ value: Double) -> String {
            if let text = known[value.bitPattern] { return text }
            let text = GradeCSV.number(value)
            if known.count < 4096 { known[value.bitPattern] = text }
            return text
        }
    }

    /// One row per learner: id, display name, totals, competencies, then the score of every
    /// item.
    public static func learners(_ report: GradeReport) -> String {
        TextPieces.whole { learners(report, into: &$0) }
    }

    /// `learners(_:)` in pieces handed to `write` in order (a few hundred learners each), so the
    /// table of a cohort of any size never sits in memory whole.
    public static func learners(_ report: GradeReport, write: ([UInt8]) -> Void) {
        TextPieces.write(write) { learners(report, into: &$0) }
    }

    private static func learners(_ report: GradeReport, into out: inout TextPieces) {
        let index = report.index
        let competencies = report.competencyProfile.map(\.id)
        let competencyIndex = competencies.map { index.competencies.firstIndex(of: $0) ?? 0 }
        var column = [Int](repeating: -1, count: index.questions.count)
        for (offset, question) in report.itemQuestions.enumerated() { column[question] = offset }
        out += line(
            ["learner", "name", "score", "max", "percent", "passed", "unanswered", "ignored"]
                + competencies.map { text("competency:" + $0) }
                + report.itemQuestions.map { text(index.refs[$0]) })
        var numbers = Numbers()
        for learner in report.graded.learners {
            var scores = [String](repeating: "", count: report.itemQuestions.count)
            for answer in report.graded.answers(of: learner) where column[answer.question] >= 0 {
                scores[column[answer.question]] = numbers.text(answer.earned)
            }
            out += line(
                [
                    text(learner.learner), text(report.name(of: learner) ?? ""),
                    number(learner.earned), number(learner.max),
                    number(learner.percent), learner.passed ? "true" : "false",
                    "\(learner.unanswered)", "\(learner.ignored.count)",
                ] + competencyIndex.map { number(learner.competencies[$0].percent) } + scores)
        }
    }

    /// The learner x item marks matrix `rehearse stats` reads: the learner, then one column per
    /// item with the learner's mark, empty where the item was not on their path.
    public static func marks(_ report: GradeReport) -> String {
        TextPieces.whole { marks(report, into: &$0) }
    }

    /// `marks(_:)` in pieces handed to `write` in order.
    public static func marks(_ report: GradeReport, write: ([UInt8]) -> Void) {
        TextPieces.write(write) { marks(report, into: &$0) }
    }

    private static func marks(_ report: GradeReport, into out: inout TextPieces) {
        let index = report.index
        var column = [Int](repeating: -1, count: index.questions.count)
        for (offset, question) in report.itemQuestions.enumerated() { column[question] = offset }
        out += line(["learner"] + report.itemQuestions.map { text(index.refs[$0]) })
        var numbers = Numbers()
        for learner in report.graded.learners {
            var scores = [String](repeating: "", count: report.itemQuestions.count)
            for answer in report.graded.answers(of: learner) where column[answer.question] >= 0 {
                scores[column[answer.question]] = numbers.text(answer.earned)
            }
            out += line([text(learner.learner)] + scores)
        }
    }

    /// One row per item: the item analysis.
    public static func items(_ items: [ItemStatistics]) -> String {
        var out = line([
            "ref", "attempts", "max", "facility", "sd", "discrimination", "efficiency",
            "effective_weight", "unanswered", "options", "flags",
        ])
        for item in items {
            out += line([
                text(item.ref), "\(item.attempts)", number(item.max), number(item.facility),
                number(item.sd), number(item.discrimination), number(item.efficiency),
                number(item.effectiveWeight), "\(item.unanswered)",
                text(item.options.map { "\($0.id):\($0.count)" }.joined(separator: " ")),
                text(item.flags.joined(separator: "; ")),
            ])
        }
        return out
    }
}
