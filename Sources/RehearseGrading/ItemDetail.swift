import RehearseBank
import RehearseCore
import RehearseScoring

/// What a trainer reads about an item beside its statistics: the question's text, its key, the
/// options that are right, and for `text` and `number` questions the most common wrong answers.
public struct ItemDetail: Sendable {
    /// The question's prompt.
    public var prompt: String
    /// The right answer in the shared answer encoding (`b`, `a,c`, `30 days`, `a=4,b=1`).
    public var key: String
    /// The options (or `true`/`false`) that earn points, to be marked in the distribution.
    public var rightOptions: Set<String>
    /// `text` and `number` questions: answers that did not earn full marks, most common first.
    public var wrongAnswers: [(answer: String, count: Int)]

    /// How many wrong answers are listed per item at most.
    public static let wrongAnswerLimit = 5

    /// The details of `questions`, with wrong answers counted over the learners' outcomes
    /// (`tally[block][outcome]`: how many learners reached each).
    static func details(_ graded: GradedCohort, questions: [Int], tally: [[Int]]) -> [ItemDetail] {
        let index = graded.index
        var wrong: [Int: [Int32: Int]] = [:]
        for question in questions {
            switch index.questions[question].body {
            case .text, .number: wrong[question] = [:]
            default: break
            }
        }
        if !wrong.isEmpty {
            for (block, outcomes) in graded.outcomes.enumerated() {
                for (outcome, result) in outcomes.enumerated() where tally[block][outcome] > 0 {
                    for answer in result.answers
                    where answer.answer >= 0 && answer.earned < answer.max
                        && answer.outcome != .unanswered && wrong[answer.question] != nil
                    {
                        wrong[answer.question]?[answer.answer, default: 0] += tally[block][outcome]
                    }
                }
            }
        }
        return questions.map { question in
            let asked = index.questions[question]
            var grouped: [(answer: String, count: Int)] = []
            var position: [String: Int] = [:]
            for (code, count) in (wrong[question] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let text = graded.answers.texts[question][Int(code)]
                // Answers that read the same are one answer: `14` and `14 days`.
                let key: String
                if case .number(let value)? = graded.answers.responses[question][Int(code)] {
                    key = "\(value)"
                } else {
                    key = FormText.fold(text)
                }
                if let known = position[key] {
                    grouped[known].count += count
                } else {
                    position[key] = grouped.count
                    grouped.append((text, count))
                }
            }
            grouped.sort { $0.count != $1.count ? $0.count > $1.count : $0.answer < $1.answer }
            return ItemDetail(
                prompt: asked.prompt, key: key(of: asked), rightOptions: rightOptions(of: asked),
                wrongAnswers: Array(grouped.prefix(wrongAnswerLimit)))
        }
    }

    /// The options that earn points: every correct option of a `multi`, the best-scoring of a
    /// `choice`, the answer of a `truefalse`.
    static func rightOptions(of question: Question) -> Set<String> {
        switch question.body {
        case .choice(let options):
            let best = question.maxPoints
            return Set(
                options.filter { best > 0 && question.points(for: $0) >= best }.map(\.id.value))
        case .multi(let options, _):
            return Set(options.filter { $0.correct?.value == true }.map(\.id.value))
        case .truefalse(let answer):
            return answer.map { [$0 ? "true" : "false"] } ?? []
        default:
            return []
        }
    }

    /// The key in the shared answer encoding.
    static func key(of question: Question) -> String {
        switch question.body {
        case .choice(let options), .multi(let options, _):
            let right = rightOptions(of: question)
            return options.map(\.id.value).filter(right.contains).joined(separator: ",")
        case .truefalse(let answer):
            return answer.map { $0 ? "true" : "false" } ?? ""
        case .order(let items, _):
            return items.map(\.id.value).joined(separator: ",")
        case .text(let answer):
            if let accepted = answer.accept.first { return accepted }
            if let pattern = answer.patterns.first { return "/\(pattern.value)/" }
            return answer.rubric.map { $0.any.joined(separator: "|") }.joined(separator: " + ")
        case .number(let answer):
            let unit = answer.unit.map { " \($0)" } ?? ""
            if let value = answer.answer {
                let tolerance =
                    answer.tolerance > 0
                    ? " ± \(GradeRendering.decimal(answer.tolerance, digits: 4))" : ""
                return GradeRendering.decimal(value, digits: 4) + tolerance + unit
            }
            if let range = answer.range {
                return GradeRendering.decimal(range.lowerBound, digits: 4) + "-"
                    + GradeRendering.decimal(range.upperBound, digits: 4) + unit
            }
            return ""
        case .rate(let responses, _):
            return responses.compactMap { response in
                response.key.map { "\(response.id.value)=\(GradeRendering.decimal($0.value))" }
            }.joined(separator: ",")
        }
    }
}
