import Foundation
import RehearseProgress
import RehearseScoring

/// A session `SessionDriver` runs: a quiz attempt or a review. A pure state machine: lines and
/// times in, events out.
public protocol DrivenSession: Sendable {
    /// The opening events.
    mutating func start(at now: Date) -> [SessionEvent]
    /// A line typed at the current question.
    mutating func handle(_ line: String, at now: Date) -> [SessionEvent]
    /// The learner leaves (Ctrl-C, Ctrl-D, a closed terminal).
    mutating func leave(at now: Date) -> [SessionEvent]
    /// The events of a time limit that ran out while nothing was typed; none without one.
    mutating func checkTime(at now: Date) -> [SessionEvent]
    /// When the time runs out, if the session has a limit.
    var deadline: Date? { get }
    /// When the reader should stop waiting for a line (a time warning or the deadline).
    var nextAlarm: Date? { get }
    /// The question waiting for an answer, for completion of its answer ids.
    var currentAsked: AskedQuestion? { get }
    /// True until the session ends (finished or left).
    var isAsking: Bool { get }
    /// Asked on a terminal before Ctrl-C leaves; nil when Ctrl-C leaves at once.
    var leaveQuestion: String? { get }
    /// How many answers (or skips) the session holds: the driver keeps a checkpoint when it
    /// changes.
    var answered: Int { get }
    /// What to keep now that a line changed `answered`; nil when nothing is to be kept.
    var checkpoint: SessionCheckpoint? { get }
}

/// What a session keeps as it goes, so that nothing answered is lost.
public enum SessionCheckpoint: Sendable {
    /// The attempt so far, kept for `--resume` (a quiz). Best effort: the attempt is saved again,
    /// with any error reported, when it ends.
    case attempt(AttemptRecord)
    /// The review an answer just made (a review session): saved at once, as it is kept nowhere
    /// else.
    case review(ReviewedAnswer)
}

extension QuizSession: DrivenSession {
    public var isAsking: Bool { phase == .asking }

    public var leaveQuestion: String? {
        "Leave the quiz? Your answers are kept for --resume. [y/N] "
    }

    public var answered: Int { record.answers.count }

    public var checkpoint: SessionCheckpoint? { phase == .asking ? .attempt(record) : nil }
}

extension ReviewSession: DrivenSession {
    /// A review has no time limit.
    public mutating func checkTime(at now: Date) -> [SessionEvent] { [] }

    public var deadline: Date? { nil }

    public var nextAlarm: Date? { nil }

    public var isAsking: Bool { !finished }

    /// Each answer is saved as it is given: Ctrl-C leaves at once.
    public var leaveQuestion: String? { nil }

    public var answered: Int { reviews.count }

    public var checkpoint: SessionCheckpoint? { lastReview.map(SessionCheckpoint.review) }
}
