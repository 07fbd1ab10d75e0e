import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// One answer on a learner's path, as the library's scorer scored it.
public struct GradedAnswer: Sendable {
    /// The question, by its number in the quiz index.
    public var question: Int
    /// The answer number in the `AnswerBook`, or -1 when no answer was given.
    public var answer: Int32
    public var earned: Double
    public var max: Double
    public var outcome: Outcome
}

/// A block (scenario or inline question) scored for one combination of answers.
public struct BlockOutcome: Sendable {
    public var answers: [GradedAnswer]
    /// Questions answered but off the path.
    public var ignored: [Int]
    public var earned: Double
    public var max: Double
    public var unanswered: Int
}

/// One learner graded.
public struct LearnerGrade: Sendable {
    public var learner: String
    public var file: String
    /// The line of the sheet where the learner first appears.
    public var line: Int
    /// The blocks of the learner's plan, in order, and the outcome of each (into
    /// `GradedCohort.outcomes[block]`).
    public var blocks: [Int]
    public var outcomes: [Int32]
    /// Questions answered but not graded: off the learner's path, or in a scenario not drawn.
    public var ignored: [Int]
    public var earned: Double
    public var max: Double
    /// 0-100.
    public var percent: Double
    public var passed: Bool
    /// By competency index; `max` 0 when the learner met no question of it.
    public var competencies: [CompetencyScore]
    public var unanswered: Int
    public var seed: UInt64?
    public var attempt: AttemptRecord?
}

/// A cohort graded: every learner, and the outcomes they share.
public struct GradedCohort: Sendable {
    public var index: QuizIndex
    public var answers: AnswerBook
    /// Per block: the distinct outcomes learners reached.
    public var outcomes: [[BlockOutcome]]
    public var learners: GradedLearners

    public var quizID: String { index.quiz.id.value }
    public var passPercent: Double { index.quiz.passPercent }

    /// The answers of a learner on their path, in order.
    public func answers(of learner: LearnerGrade) -> [GradedAnswer] {
        var result: [GradedAnswer] = []
        for (block, outcome) in zip(learner.blocks, learner.outcomes) {
            result += outcomes[block][Int(outcome)].answers
        }
        return result
    }
}
