import RehearseBank
import RehearseCore

/// A scenario played through with a learner's answers: the path their answers take, the score
/// along it, and the answers to steps off that path.
public struct ScenarioWalk: Sendable {
    public struct Step: Sendable {
        public var question: Question
        public var response: Response?
        public var score: QuestionScore
        /// The competencies this step counts toward (its own, else its scenario's).
        public var competencies: [String]
    }

    public var scenarioID: String
    /// The steps on the learner's path, in order.
    public var path: [Step]
    /// Step ids that were answered but are not on the learner's path.
    public var ignored: [String]
    /// Earned along the path.
    public var earned: Double
    /// The scenario's maximum: its best path's total.
    public var max: Double

    /// Walks `scenario` from its start. `responses` holds the learner's answers by step id.
    public init(_ scenario: Scenario, responses: [String: Response]) {
        scenarioID = scenario.id.value
        let steps = ScenarioSteps(scenario)
        let route = steps.route(
            next: { steps.successor(after: $0, response: responses[scenario.steps[$0].id.value]) },
            answered: { responses[scenario.steps[$0].id.value] != nil })
        path = route.path.map { offset in
            let question = scenario.steps[offset]
            let response = responses[question.id.value]
            return Step(
                question: question, response: response,
                score: QuestionScorer.score(response, for: question),
                competencies: scenario.competencies(of: question))
        }
        ignored = route.ignored.map { scenario.steps[$0].id.value }
        earned = path.reduce(0) { $0 + $1.score.earned }
        max = steps.maxPoints ?? path.reduce(0) { $0 + $1.score.max }
    }

    /// The step after the one at `index`: the chosen option's `next`, else the step's own `next`,
    /// else the next listed; nil at the end. An unanswered step never follows an option.
    public static func next(after index: Int, in scenario: Scenario, response: Response?) -> String?
    {
        if case .choice(let id)? = response,
            let option = scenario.steps[index].options.first(where: { $0.id.value == id }),
            let next = option.next?.value
        {
            return next == "end" ? nil : next
        }
        return scenario.defaultSuccessor(ofStepAt: index)
    }
}
