import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// One learner of a cohort: who, where they were first met, and what a recorded attempt carried.
/// Their answers are a row of the cohort's table (`Cohort.responses(of:)`).
public struct LearnerSheet: Sendable {
    public var learner: String
    public var file: String
    public var line: Int
    /// The seed of a recorded attempt (its draws and shuffles); nil for CSV sheets.
    public var seed: UInt64? {
        get { box?.seed }
        set { box = Self.box(seed: newValue, attempt: attempt) }
    }
    /// The recorded attempt this came from, if any (kept for the progress store).
    public var attempt: AttemptRecord? {
        get { box?.attempt }
        set { box = Self.box(seed: seed, attempt: newValue) }
    }
    /// The seed and the attempt live behind a reference: a CSV learner, who has neither, stays
    /// a few words.
    private var box: AttemptBox?

    public init(
        learner: String, file: String, line: Int, seed: UInt64? = nil,
        attempt: AttemptRecord? = nil
    ) {
        self.learner = learner
        self.file = file
        self.line = line
        box = Self.box(seed: seed, attempt: attempt)
    }

    private static func box(seed: UInt64?, attempt: AttemptRecord?) -> AttemptBox? {
        seed == nil && attempt == nil ? nil : AttemptBox(seed: seed, attempt: attempt)
    }
}

/// A recorded attempt's seed and record, behind a reference.
final class AttemptBox: Sendable {
    let seed: UInt64?
    let attempt: AttemptRecord?

    init(seed: UInt64?, attempt: AttemptRecord?) {
        self.seed = seed
        self.attempt = attempt
    }
}

/// Every learner's answers to one quiz, ready to grade: one flat table of answer numbers, a row
/// of `questionCount` per learner, no array per learner. A large table lives in a temporary
/// file (`SpillTable`), so only the rows being read or graded are in memory.
public struct Cohort: Sendable {
    public var index: QuizIndex
    public var answers: AnswerBook
    public var learners: [LearnerSheet]
    /// Learner l's answer to question q is `table[l * questionCount + q]`: the answer number in
    /// `answers`, or -1 (no answer). Shared, never copied.
    let table: SpillTable<Int32>

    public var questionCount: Int { index.questions.count }

    /// A cohort of `responses`, a row of `questionCount` answer numbers per learner.
    public init(
        index: QuizIndex, answers: AnswerBook, learners: [LearnerSheet], responses: [Int32]
    ) {
        self.init(
            index: index, answers: answers, learners: learners, table: SpillTable(responses))
    }

    init(index: QuizIndex, answers: AnswerBook, learners: [LearnerSheet], table: SpillTable<Int32>)
    {
        self.index = index
        self.answers = answers
        self.learners = learners
        self.table = table
    }

    /// Every row, one after the other, copied (the whole table in memory: for small cohorts).
    public var responses: [Int32] { table.values(0..<table.count) }

    /// A learner's row of answer numbers.
    public func responses(of learner: Int) -> [Int32] {
        let start = learner * questionCount
        return table.values(start..<(start + questionCount))
    }
}
