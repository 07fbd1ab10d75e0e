import RehearseBank
import RehearseCore

/// Earned and maximum points toward one competency.
public struct CompetencyScore: Sendable, Hashable, Codable {
    public var earned: Double
    public var max: Double

    public init(earned: Double = 0, max: Double = 0) {
        self.earned = earned
        self.max = max
    }

    /// 0-100, nil when nothing counted toward it.
    public var percent: Double? { max > 0 ? earned / max * 100 : nil }
}

/// One answer as scored: its ref, what was answered and what it earned.
public struct ScoredAnswer: Sendable {
    public var ref: String
    public var question: Question
    public var response: Response?
    public var score: QuestionScore
    public var competencies: [String]
}

/// A whole attempt scored: totals, pass, competencies, every answer on the learner's path.
public struct QuizResult: Sendable {
    public var quizID: String
    public var answers: [ScoredAnswer]
    /// Refs answered but off the learner's path through a branching scenario.
    public var ignored: [String]
    public var earned: Double
    public var max: Double
    public var passPercent: Double
    public var competencies: [String: CompetencyScore]

    public init(
        quizID: String, answers: [ScoredAnswer], ignored: [String], earned: Double, max: Double,
        passPercent: Double, competencies: [String: CompetencyScore]
    ) {
        self.quizID = quizID
        self.answers = answers
        self.ignored = ignored
        self.earned = earned
        self.max = max
        self.passPercent = passPercent
        self.competencies = competencies
    }

    /// 0-100.
    public var percent: Double { max > 0 ? earned / max * 100 : 0 }
    public var passed: Bool { percent + 1e-9 >= passPercent }
    public var unanswered: Int { answers.filter { $0.score.outcome == .unanswered }.count }
}

/// Scores a planned quiz from answers by ref, with the one scorer.
public enum QuizScorer {
    public static func score(_ plan: QuizPlan, responses: [String: Response]) -> QuizResult {
        let quizID = plan.quiz.id.value
        var answers: [ScoredAnswer] = []
        var ignored: [String] = []
        var earned = 0.0
        var max = 0.0
        for item in plan.items {
            switch item {
            case .scenario(let scenario):
                let prefix = scenario.id.value + "/"
                var byStep: [String: Response] = [:]
                for (ref, response) in responses where ref.hasPrefix(prefix) {
                    byStep[String(ref.dropFirst(prefix.count))] = response
                }
                let walk = ScenarioWalk(scenario, responses: byStep)
                for step in walk.path {
                    answers.append(
                        ScoredAnswer(
                            ref: prefix + step.question.id.value, question: step.question,
                            response: step.response, score: step.score,
                            competencies: step.competencies))
                }
                ignored += walk.ignored.map { prefix + $0 }
                earned += walk.earned
                max += walk.max
            case .question(let question):
                let ref = "\(quizID)/\(question.id.value)"
                let response = responses[ref]
                let score = QuestionScorer.score(response, for: question)
                answers.append(
                    ScoredAnswer(
                        ref: ref, question: question, response: response, score: score,
                        competencies: question.competencies.map(\.value)))
                earned += score.earned
                max += score.max
            }
        }
        var competencies: [String: CompetencyScore] = [:]
        for answer in answers {
            for id in answer.competencies {
                competencies[id, default: CompetencyScore()].earned += answer.score.earned
                competencies[id, default: CompetencyScore()].max += answer.score.max
            }
        }
        return QuizResult(
            quizID: quizID, answers: answers, ignored: ignored, earned: earned, max: max,
            passPercent: plan.quiz.passPercent, competencies: competencies)
    }
}
