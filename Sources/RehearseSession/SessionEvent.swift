import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// What a session tells the learner. A session only returns events; a renderer shows them.
public enum SessionEvent: Sendable {
    /// The attempt begins (or resumes).
    case started(SessionStart)
    /// A scenario begins: who the customer is and what happened.
    case scenario(ScenarioIntro)
    /// `:repeat` in a scenario: the learner's earlier replies in it, before the question again.
    case conversation([ConversationTurn])
    /// A scenario's path reached one of its endings: its words.
    case ending(title: String, text: String)
    /// A timed exam has this many seconds left (a warning at 5 minutes and at 1).
    case timeWarning(secondsLeft: Int)
    /// A question to answer. The session waits for a line.
    case question(AskedQuestion)
    /// The line could not be read as an answer: explain, then ask the same question again.
    case unreadable(AnswerError, AskedQuestion)
    /// Practice and review: how the answer did, its feedback and the explanation.
    case scored(AnswerFeedback)
    /// Exam: the answer is recorded, with no feedback until the end.
    case accepted(ref: String)
    /// The question was left unanswered.
    case skipped(ref: String)
    /// The current question's hint, or nil when it has none.
    case hint(String?)
    /// The commands, and how to answer the current question.
    case help(SessionHelp)
    /// How far the learner is.
    case progress(SessionStatus)
    /// A `:` command that does not exist.
    case unknownCommand(String, suggestion: String?)
    /// An exam's time limit ran out; the remaining questions are unanswered.
    case timeUp(limit: Int, lateAnswerDiscarded: Bool)
    /// The quiz is over: the report (the caller saves the record and says where).
    case finished(SessionReport)
    /// The learner left before the end: the unfinished attempt, to save for `--resume`.
    case left(AttemptRecord)
    /// A review session is over.
    case reviewFinished(ReviewSummary)
}

/// The start of an attempt.
public struct SessionStart: Sendable {
    public var quizID: String
    public var title: String
    public var description: String?
    public var mode: QuizMode
    public var seed: UInt64
    /// The time limit in seconds (exam mode only).
    public var timeLimit: Int?
    /// Seconds left when resuming a timed exam.
    public var timeLeft: Int?
    /// The time limit was stretched by this factor for the learner (`--time-factor`).
    public var timeFactor: Double?
    /// A new timed exam: the clock starts when the learner presses Enter.
    public var startsOnEnter: Bool
    public var passPercent: Double
    /// Questions answered or skipped before, when resuming.
    public var resumedAnswers: Int?
    /// Questions the attempt asks (on the best path through branching scenarios).
    public var total: Int
    /// True when branching or draws make `total` an estimate.
    public var totalIsEstimate: Bool
}

/// One earlier step of the scenario in progress: what was asked and what the learner replied.
public struct ConversationTurn: Sendable {
    public var prompt: String
    /// The reply as shown (an option's text for a choice); empty when skipped.
    public var reply: String
}

/// The opening of a scenario.
public struct ScenarioIntro: Sendable {
    public var id: String
    public var title: String
    public var channel: String?
    public var customer: String?
    public var context: String?
}

/// One choice, item or response as shown, in the order shown.
public struct ShownChoice: Sendable, Hashable {
    public var id: String
    public var text: String
}

/// A question as the learner meets it.
public struct AskedQuestion: Sendable {
    public var ref: String
    public var question: Question
    /// Questions asked so far in this attempt, this one included.
    public var number: Int
    /// Questions the attempt asks in all (this one and those before included).
    public var total: Int
    /// True when branching or draws make `total` an estimate ("of about 12").
    public var totalIsEstimate: Bool
    /// The scenario's title when this is a scenario step.
    public var scenarioTitle: String?
    /// Options, items or responses in the order shown (empty for text, number, truefalse).
    public var choices: [ShownChoice]
    /// How to write the answer.
    public var instructions: String
    /// The words that complete at this prompt: answer ids (and true/false).
    public var answerWords: [String]
    /// Seconds left in a timed exam.
    public var timeLeft: Int?

    public var kind: QuestionKind { question.kind }
    public var prompt: String { question.prompt }
    public var hasHint: Bool { question.hint != nil }
}

/// The feedback of one chosen option or rated response, labelled with its id.
public struct OptionFeedback: Sendable, Hashable {
    /// The option's or response's id; nil for feedback that belongs to no option.
    public var id: String?
    public var text: String
}

/// How an answer did: after each answer in practice and review, and for each question in the
/// full review at the end of an exam.
public struct AnswerFeedback: Sendable {
    public var ref: String
    public var prompt: String
    /// The answer as shown: `b: Sorry`, `a,c`, `48` (empty when unanswered).
    public var answer: String
    public var score: QuestionScore
    /// Feedback of the chosen options or rated responses, each with its id.
    public var feedback: [OptionFeedback]
    public var explanation: String?
    /// A right answer, shown when the answer was not fully right (nil for rubric texts).
    public var rightAnswer: String?
    /// Practice: the points of the attempt so far, this answer included.
    public var runningScore: (earned: Double, max: Double)?
}

/// `:help` at a question.
public struct SessionHelp: Sendable {
    public var commands: [(command: String, summary: String)]
    public var instructions: String?
}

/// `:progress`.
public struct SessionStatus: Sendable {
    /// Questions answered or skipped.
    public var done: Int
    /// Questions in all (an estimate when `totalIsEstimate`).
    public var total: Int
    public var totalIsEstimate: Bool
    /// Points so far (practice and review only; nil in an exam).
    public var earned: Double?
    public var max: Double?
    public var timeLeft: Int?
}

/// A question to look at again after the quiz.
public struct RevisitItem: Sendable {
    public var ref: String
    public var prompt: String
    public var outcome: Outcome
    public var earned: Double
    public var max: Double
    public var explanation: String?
}

/// A scored answer (or a skip, scored 0) that counts as a review for spaced repetition.
public struct ReviewedAnswer: Sendable, Hashable {
    public var ref: String
    public var score: QuestionScore
    public var at: Date
    /// The competencies the question trains (set by a review session, whose answers count
    /// toward mastery; an attempt's answers count through the attempt instead).
    public var competencies: [String] = []
}

/// The end of a quiz.
public struct SessionReport: Sendable {
    public var result: QuizResult
    /// The finished (or timed-out) attempt, to save and to `--record`.
    public var record: AttemptRecord
    /// Competencies in the bank's order with what counted toward them.
    public var competencies: [(id: String, score: CompetencyScore)]
    public var revisit: [RevisitItem]
    /// Answers to feed spaced repetition: every answer (and skip) of the attempt.
    public var reviews: [ReviewedAnswer]
    public var mode: QuizMode
    public var seed: UInt64
    /// What the quiz lets the learner see after an exam.
    public var policy: ReviewPolicy
    /// The full review of an exam: every question on the learner's path, with the answer, the
    /// right one, feedback and explanation (empty in practice, or when the quiz says `score`).
    public var review: [AnswerFeedback]
    /// The attempt's time factor, when one stretched its limit.
    public var timeFactor: Double?
}

/// The end of a review session.
public struct ReviewSummary: Sendable {
    public var asked: Int
    public var answered: Int
    public var correct: Int
    public var earned: Double
    public var max: Double
    /// Refs answered less than fully right.
    public var revisit: [RevisitItem]
    /// True when the learner left before the end.
    public var leftEarly: Bool
    /// Questions still due after the session (skipped, left, or beyond the limit).
    public var stillDue: Int
}
