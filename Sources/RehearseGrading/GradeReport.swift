import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Everything a grading run reports: the graded cohort, item and test statistics, rejected rows
/// and notes. Renderers turn it into a table, CSV, JSON, Markdown or HTML.
public struct GradeReport: Sendable {
    public var graded: GradedCohort
    /// The item analysis, computed on another thread from the moment the report is made (the
    /// JSON report renders its learners meanwhile); reading any part of it waits for it.
    private let analysis: Eventually<ItemReport>
    /// The questions some learner met, in quiz order, and their statistics.
    public var itemQuestions: [Int] { analysis.value.questions }
    public var items: [ItemStatistics] { analysis.value.items }
    public var test: TestStatistics { analysis.value.test }
    /// Per item of `items`: its prompt, key, right options and common wrong answers.
    public var details: [ItemDetail] { analysis.value.details }
    /// The learners who need help, lowest first.
    public var needsHelp: HelpList
    /// Learners' display names, by learner id.
    public var names: [String: String]
    public var rejected: [RejectedRow]
    public var notes: [String]

    public var quizID: String { graded.quizID }
    public var index: QuizIndex { graded.index }

    public init(
        graded: GradedCohort, rejected: [RejectedRow] = [], notes: [String] = [],
        names: [String: String] = [:]
    ) {
        self.graded = graded
        self.rejected = rejected
        self.notes = notes
        self.names = names
        // Beside the rendering of the learners while the cohort's tables are in memory; once
        // they live in temporary files, first, so the pages the two read are never resident
        // at once (the memory bound of a large cohort).
        analysis = Eventually(now: graded.learners.isSpilled) {
            let report = ItemReport(graded)
            FreedMemory.release()
            return report
        }
        needsHelp = HelpList(graded)
    }

    /// A learner's display name, when a sheet gave one.
    public func name(of learner: LearnerGrade) -> String? { names[learner.learner] }

    /// The questions on the path of a learner who needs help that did not earn full marks
    /// (unanswered among them), in the order met.
    public func missed(_ entry: HelpEntry) -> [Int] {
        Self.missed(graded, graded.learners[entry.learner])
    }

    /// The questions on a learner's path that did not earn full marks (unanswered among them),
    /// in the order met.
    public static func missed(_ graded: GradedCohort, _ learner: LearnerGrade) -> [Int] {
        var result: [Int] = []
        for (block, outcome) in zip(learner.blocks, learner.outcomes) {
            for answer in graded.outcomes[block][Int(outcome)].answers
            where answer.earned < answer.max {
                result.append(answer.question)
            }
        }
        return result
    }

    /// How often each option was chosen (choice, multi; `true`/`false` for truefalse), in the
    /// question's order.
    static func optionCounts(question: Question, responses: [Response?], counts: [Int]) -> [(
        id: String, count: Int
    )] {
        var byID: [String: Int] = [:]
        for (code, response) in responses.enumerated() where counts[code] > 0 {
            switch response {
            case .choice(let id)?: byID[id, default: 0] += counts[code]
            case .multi(let ids)?: for id in ids { byID[id, default: 0] += counts[code] }
            case .truefalse(let value)?: byID[value ? "true" : "false", default: 0] += counts[code]
            default: break
            }
        }
        switch question.body {
        case .choice(let options), .multi(let options, _):
            return options.map { ($0.id.value, byID[$0.id.value] ?? 0) }
        case .truefalse:
            return [("true", byID["true"] ?? 0), ("false", byID["false"] ?? 0)]
        default:
            return []
        }
    }

    /// The competencies some learner met, with the cohort's mean percent (each learner counts
    /// once, over the learners who met the competency).
    public var competencyProfile: [(id: String, percent: Double, learners: Int)] {
        var result: [(String, Double, Int)] = []
        for (offset, id) in index.competencies.enumerated() {
            var sum = 0.0
            var count = 0
            for learner in graded.learners {
                if let percent = learner.competencies[offset].percent {
                    sum += percent
                    count += 1
                }
            }
            if count > 0 { result.append((id, sum / Double(count), count)) }
        }
        return result
    }
}

/// The item analysis of a graded cohort: the questions some learner met, their statistics and
/// details, and the test's statistics.
struct ItemReport: Sendable {
    var questions: [Int]
    var items: [ItemStatistics]
    var test: TestStatistics
    var details: [ItemDetail]

    init(_ graded: GradedCohort) {
        let tally = graded.learners.tally(graded.outcomes)
        let marks = GradedMarks(graded, tally: tally)
        questions = marks.questions
        let analysis = ItemAnalysis.analyse(
            items: marks.questions.map { graded.index.refs[$0] }, maxima: marks.maxima,
            totals: marks.totals, unanswered: marks.unanswered, options: marks.options,
            groups: marks.groups, columns: { marks.columns($0, rank: $1) })
        items = analysis.items
        test = analysis.test
        details = ItemDetail.details(graded, questions: marks.questions, tally: tally)
    }
}
