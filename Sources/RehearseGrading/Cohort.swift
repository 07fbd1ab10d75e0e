import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// One learner's answers to one quiz, gathered from any number of sheets.
public struct LearnerSheet: Sendable {
    public var learner: String
    public var file: String
    public var line: Int
    /// The seed of a recorded attempt (its draws and shuffles); nil for CSV sheets.
    public var seed: UInt64?
    /// The recorded attempt this came from, if any (kept for the progress store).
    public var attempt: AttemptRecord?
    /// Per question of the quiz index: the answer number in the `AnswerBook`, or -1 (no answer).
    public var responses: [Int32]
}

/// Every learner's answers to one quiz, ready to grade.
public struct Cohort: Sendable {
    public var index: QuizIndex
    public var answers: AnswerBook
    public var learners: [LearnerSheet]
}
