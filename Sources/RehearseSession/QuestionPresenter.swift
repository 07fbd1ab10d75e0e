import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Builds what a learner sees of a question and of their answer; shared by quiz and review
/// sessions so both present and score alike.
public enum QuestionPresenter {
    /// The question as asked, with its choices in `order` (ids as shown; nil: as in the file).
    public static func ask(
        _ question: Question, ref: String, order: [String]?, number: Int,
        total: (count: Int, estimate: Bool), scenarioTitle: String?, timeLeft: Int?
    ) -> AskedQuestion {
        let choices = shownChoices(question, order: order)
        var words = choices.map(\.id)
        if question.kind == .truefalse { words = ["true", "false"] }
        return AskedQuestion(
            ref: ref, question: question, number: number, total: Swift.max(total.count, number),
            totalIsEstimate: total.estimate, scenarioTitle: scenarioTitle, choices: choices,
            instructions: instructions(question, choices: choices), answerWords: words,
            timeLeft: timeLeft)
    }

    static func shownChoices(_ question: Question, order: [String]?) -> [ShownChoice] {
        let listed: [ShownChoice]
        switch question.body {
        case .choice(let options), .multi(let options, _):
            listed = options.map { ShownChoice(id: $0.id.value, text: $0.text) }
        case .order(let items, _):
            listed = items.map { ShownChoice(id: $0.id.value, text: $0.text) }
        case .rate(let responses, _):
            listed = responses.map { ShownChoice(id: $0.id.value, text: $0.text) }
        case .truefalse, .text, .number:
            return []
        }
        guard let order else { return listed }
        var byID: [String: ShownChoice] = [:]
        for choice in listed { byID[choice.id] = choice }
        let ordered = order.compactMap { byID[$0] }
        // Anything the order does not name (it cannot happen with a plan) keeps its place at the end.
        return ordered + listed.filter { !order.contains($0.id) }
    }

    /// One line on how to write the answer, in the shared answer encoding.
    public static func instructions(_ question: Question, choices: [ShownChoice]) -> String {
        let ids = choices.map(\.id)
        switch question.body {
        case .choice:
            return "Answer with the id of one option (\(orList(ids)))."
        case .multi:
            let example = [ids.first, ids.count > 1 ? ids.last : nil].compactMap { $0 }
            return "Pick every option that applies: ids separated by commas, e.g. "
                + example.joined(separator: ",") + "."
        case .truefalse:
            return "Answer true or false (t/f, yes/no)."
        case .order:
            return "Put every item id in order, separated by commas, e.g. "
                + ids.joined(separator: ",") + "."
        case .text:
            return "Write your answer on one line."
        case .number(let answer):
            if let unit = answer.unit { return "Answer with a number (in \(unit))." }
            return "Answer with a number."
        case .rate(_, let scale):
            let example = ids.prefix(2).enumerated().map {
                "\($0.element)=\(min(scale, $0.offset * 2 + 1))"
            }
            return "Rate every response from 1 to \(scale) as id=rating pairs, e.g. "
                + example.joined(separator: ",") + ", or the ratings alone in the order shown."
        }
    }

    static func orList(_ ids: [String]) -> String {
        guard ids.count > 1, let last = ids.last else { return ids.first ?? "" }
        return ids.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The feedback of an answer: its score, the chosen options' feedback, the explanation and,
    /// when the answer was not fully right, a right answer.
    public static func feedback(
        _ question: Question, ref: String, response: Response?, score: QuestionScore,
        order: [String]? = nil
    ) -> AnswerFeedback {
        AnswerFeedback(
            ref: ref, prompt: question.prompt, answer: shownAnswer(question, response),
            score: score, feedback: labelledFeedback(question, response, order: order),
            explanation: question.explanation,
            rightAnswer: score.outcome == .correct ? nil : rightAnswer(question))
    }

    /// The answer as a learner reads it: a choice with its option's text, others encoded.
    static func shownAnswer(_ question: Question, _ response: Response?) -> String {
        guard let response else { return "" }
        if case .choice(let id) = response,
            let option = question.options.first(where: { $0.id.value == id })
        {
            return "\(id): \(option.text)"
        }
        return response.encoded
    }

    /// The feedback of each chosen option or rated response, labelled with its id, in the
    /// order shown; a rated response also says the rating given and the expert's.
    static func labelledFeedback(_ question: Question, _ response: Response?, order: [String]?)
        -> [OptionFeedback]
    {
        let position = { (id: String) in order?.firstIndex(of: id) ?? Int.max }
        switch (question.body, response) {
        case (.choice(let options), .choice(let id)?):
            return options.filter { $0.id.value == id }.compactMap { option in
                option.feedback.map { OptionFeedback(id: id, text: $0) }
            }
        case (.multi(let options, _), .multi(let ids)?):
            return options.filter { ids.contains($0.id.value) }
                .sorted { position($0.id.value) < position($1.id.value) }
                .compactMap { option in
                    option.feedback.map { OptionFeedback(id: option.id.value, text: $0) }
                }
        case (.rate(let responses, _), .rate(let ratings)?):
            return responses.sorted { position($0.id.value) < position($1.id.value) }
                .compactMap { entry in
                    let id = entry.id.value
                    guard let rating = ratings[id] else { return nil }
                    var text = "you \(rating)"
                    if let key = entry.key?.value { text += ", expert \(format(key))" }
                    if let feedback = entry.feedback { text += ": " + feedback }
                    return OptionFeedback(id: id, text: text)
                }
        default:
            return []
        }
    }

    /// A fully right answer written in the answer encoding, or nil when there is no single one
    /// (a rubric, a pattern).
    public static func rightAnswer(_ question: Question) -> String? {
        switch question.body {
        case .choice(let options):
            let best = options.max { question.points(for: $0) < question.points(for: $1) }
            return best.map { "\($0.id.value): \($0.text)" }
        case .multi(let options, _):
            let right = options.filter { $0.correct?.value == true }.map(\.id.value)
            return right.isEmpty ? nil : right.joined(separator: ",")
        case .truefalse(let answer):
            return answer.map { $0 ? "true" : "false" }
        case .order(let items, _):
            return items.map(\.id.value).joined(separator: ",")
        case .text(let answer):
            return answer.rubric.isEmpty ? answer.accept.first : nil
        case .number(let answer):
            let unit = answer.unit.map { " " + $0 } ?? ""
            if let range = answer.range {
                return "from \(format(range.lowerBound)) to \(format(range.upperBound))\(unit)"
            }
            guard let value = answer.answer else { return nil }
            // `1 day`, not `1 days`.
            let one = value == 1 && unit.hasSuffix("s") && unit.count > 2
            let slack = answer.tolerance > 0 ? " (give or take \(format(answer.tolerance)))" : ""
            return format(value) + (one ? String(unit.dropLast()) : unit) + slack
        case .rate(let responses, _):
            let keyed = responses.compactMap { response in
                response.key.map { "\(response.id.value)=\(format($0.value))" }
            }
            return keyed.isEmpty ? nil : keyed.joined(separator: ",")
        }
    }

    /// A scenario's opening.
    public static func intro(_ scenario: Scenario) -> ScenarioIntro {
        ScenarioIntro(
            id: scenario.id.value, title: scenario.title, channel: scenario.channel?.rawValue,
            customer: scenario.customer, context: scenario.context)
    }
}
