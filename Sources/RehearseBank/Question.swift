import RehearseCore

/// The seven kinds of question.
public enum QuestionKind: String, Sendable, CaseIterable, Hashable {
    case choice, multi, truefalse, order, text, number, rate
}

/// An option of a `choice` or `multi` question.
public struct ChoiceOption: Sendable {
    public var id: Located<String>
    public var text: String
    public var score: Located<Double>?
    public var correct: Located<Bool>?
    public var feedback: String?
    /// The step that follows when this option is chosen (scenario `choice` steps only).
    public var next: Located<String>?
    public var location: SourceLocation
}

/// An item of an `order` question, listed in the right order.
public struct OrderItem: Sendable {
    public var id: Located<String>
    public var text: String
}

/// A group of words of a `text` rubric: the group earns its points when any word occurs.
public struct RubricGroup: Sendable {
    public var any: [String]
    public var points: Located<Double>
    public var location: SourceLocation
}

/// A response of a `rate` question with the expert's rating.
public struct RateResponse: Sendable {
    public var id: Located<String>
    public var text: String
    public var key: Located<Double>?
    public var feedback: String?
}

public enum MultiScoring: String, Sendable, CaseIterable {
    case allOrNothing = "all-or-nothing"
    case partial
}
public enum OrderScoring: String, Sendable, CaseIterable { case exact, partial }

/// What a `text` question accepts.
public struct TextAnswer: Sendable {
    public var accept: [String] = []
    public var patterns: [Located<String>] = []
    public var rubric: [RubricGroup] = []
}

/// What a `number` question accepts: `answer` within `tolerance`, or `range`.
public struct NumberAnswer: Sendable {
    public var answer: Double?
    public var tolerance: Double = 0
    public var range: ClosedRange<Double>?
    public var unit: String?
}

/// The kind-specific part of a question.
public enum QuestionBody: Sendable {
    case choice(options: [ChoiceOption])
    case multi(options: [ChoiceOption], scoring: MultiScoring)
    case truefalse(answer: Bool?)
    case order(items: [OrderItem], scoring: OrderScoring)
    case text(TextAnswer)
    case number(NumberAnswer)
    case rate(responses: [RateResponse], scale: Int)

    public var kind: QuestionKind {
        switch self {
        case .choice: .choice
        case .multi: .multi
        case .truefalse: .truefalse
        case .order: .order
        case .text: .text
        case .number: .number
        case .rate: .rate
        }
    }
}

/// A question: an inline quiz question or a scenario step.
public struct Question: Sendable {
    public var id: Located<String>
    public var prompt: String
    /// The competencies written on the question itself (a step also inherits its scenario's).
    public var competencies: [Located<String>]
    public var points: Located<Double>?
    public var hint: String?
    public var explanation: String?
    public var tags: [String]
    public var body: QuestionBody
    /// The step that follows (scenario steps only): a step id or `end`.
    public var next: Located<String>?
    public var location: SourceLocation

    public var kind: QuestionKind { body.kind }

    /// The most points a question, a rubric group or an option may be worth (`points`,
    /// `score`): more is an `invalid-value` finding, so sums of a quiz stay finite and exact.
    public static let maximumPoints: Double = 1000

    /// The options of a `choice` or `multi` question, else empty.
    public var options: [ChoiceOption] {
        switch body {
        case .choice(let options), .multi(let options, _): options
        default: []
        }
    }

    /// The points a perfect answer earns, as the format defines it: a rubric's sum of groups;
    /// for `choice` the `points` key, else the best option's score, else 1; else `points` or 1.
    public var maxPoints: Double {
        switch body {
        case .text(let answer) where !answer.rubric.isEmpty:
            return answer.rubric.reduce(0) { $0 + max(0, $1.points.value) }
        case .choice(let options):
            if let points { return points.value }
            let best = options.compactMap { $0.score?.value }.max()
            return best ?? 1
        default:
            return points?.value ?? 1
        }
    }

    /// The points a chosen `choice` option earns.
    public func points(for option: ChoiceOption) -> Double {
        if let score = option.score { return score.value }
        if option.correct?.value == true { return maxPoints }
        return 0
    }
}
