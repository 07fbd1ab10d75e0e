import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Everything a grading run reports: the graded cohort, item and test statistics, rejected rows
/// and notes. Renderers turn it into a table, CSV, JSON, Markdown or HTML.
public struct GradeReport: Sendable {
    public var graded: GradedCohort
    /// The questions some learner met, in quiz order, and their statistics.
    public var itemQuestions: [Int]
    public var items: [ItemStatistics]
    public var test: TestStatistics
    /// Per item of `items`: its prompt, key, right options and common wrong answers.
    public var details: [ItemDetail]
    /// The learners who need help, lowest first.
    public var needsHelp: [HelpEntry]
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
        let matrix = Self.matrix(graded)
        itemQuestions = matrix.questions
        let analysis = ItemAnalysis.analyse(matrix.matrix)
        items = analysis.items
        test = analysis.test
        var tally = graded.outcomes.map { [Int](repeating: 0, count: $0.count) }
        for learner in graded.learners {
            for (block, outcome) in zip(learner.blocks, learner.outcomes) {
                tally[block][Int(outcome)] += 1
            }
        }
        details = ItemDetail.details(graded, questions: matrix.questions, tally: tally)
        needsHelp = HelpEntry.entries(graded) { Self.missed(graded, $0) }
    }

    /// A learner's display name, when a sheet gave one.
    public func name(of learner: LearnerGrade) -> String? { names[learner.learner] }

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

    /// The marks matrix of a graded cohort: a column per question some learner met; NaN where a
    /// learner did not meet it. Option counts come from the answers on learners' paths.
    static func matrix(_ graded: GradedCohort) -> (questions: [Int], matrix: MarksMatrix) {
        let index = graded.index
        let learnerCount = graded.learners.count
        // Which questions were met, and each question's column.
        var met = [Bool](repeating: false, count: index.questions.count)
        for (block, outcomes) in graded.outcomes.enumerated() where !outcomes.isEmpty {
            _ = block
            for outcome in outcomes {
                for answer in outcome.answers { met[answer.question] = true }
            }
        }
        let questions = index.questions.indices.filter { met[$0] }
        var columns = [Int](repeating: -1, count: index.questions.count)
        for (offset, question) in questions.enumerated() { columns[question] = offset }
        let column = columns
        // Learners fill their own cells on all cores; counts are kept per slice and added up.
        var marks = [Double](repeating: .nan, count: questions.count * learnerCount)
        var totals = [Double](repeating: 0, count: learnerCount)
        let itemCount = questions.count
        let answerSizes = index.questions.indices.map { graded.answers.texts[$0].count }
        let slices = learnerCount >= 4096 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let size = Swift.max(1, (learnerCount + slices - 1) / slices)
        let ranges = stride(from: 0, to: learnerCount, by: size).map {
            $0..<Swift.min(learnerCount, $0 + size)
        }
        let parts = marks.withUnsafeMutableBufferPointer { marksBuffer in
            totals.withUnsafeMutableBufferPointer { totalsBuffer in
                nonisolated(unsafe) let cells = marksBuffer
                nonisolated(unsafe) let sums = totalsBuffer
                return parallelMap(ranges) { range in
                    var maxima = [Double](repeating: 0, count: itemCount)
                    var unanswered = [Int](repeating: 0, count: itemCount)
                    var counts = answerSizes.map { [Int](repeating: 0, count: $0) }
                    for learnerOffset in range {
                        let learner = graded.learners[learnerOffset]
                        sums[learnerOffset] = learner.earned
                        for (block, outcome) in zip(learner.blocks, learner.outcomes) {
                            for answer in graded.outcomes[block][Int(outcome)].answers {
                                let item = column[answer.question]
                                cells[item * learnerCount + learnerOffset] = answer.earned
                                maxima[item] = answer.max
                                if answer.outcome == .unanswered {
                                    unanswered[item] += 1
                                } else if answer.answer >= 0 {
                                    counts[answer.question][Int(answer.answer)] += 1
                                }
                            }
                        }
                    }
                    return (maxima, unanswered, counts)
                }
            }
        }
        var maxima = [Double](repeating: 0, count: itemCount)
        var unanswered = [Int](repeating: 0, count: itemCount)
        var answerCounts = answerSizes.map { [Int](repeating: 0, count: $0) }
        for (partMaxima, partUnanswered, partCounts) in parts {
            for item in 0..<itemCount {
                maxima[item] = Swift.max(maxima[item], partMaxima[item])
                unanswered[item] += partUnanswered[item]
            }
            for question in partCounts.indices {
                for code in partCounts[question].indices {
                    answerCounts[question][code] += partCounts[question][code]
                }
            }
        }
        let options = questions.map { question in
            optionCounts(
                question: index.questions[question],
                responses: graded.answers.responses[question], counts: answerCounts[question])
        }
        let matrix = MarksMatrix(
            items: questions.map { index.refs[$0] }, maxima: maxima,
            learners: graded.learners.map(\.learner), marks: marks, totals: totals,
            unanswered: unanswered, options: options)
        return (questions, matrix)
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
