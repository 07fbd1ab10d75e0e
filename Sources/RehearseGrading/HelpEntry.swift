import RehearseBank
import RehearseCore
import RehearseScoring

/// A learner who needs help: failed, or below the pass mark in some competency. Reports open
/// with these, lowest percent first.
public struct HelpEntry: Sendable {
    /// The learner, by position in `GradedCohort.learners`.
    public var learner: Int
    public var percent: Double
    /// Competency indices, weakest first: those below the pass mark, else (a learner who failed
    /// overall) the weakest one.
    public var weakest: [Int]
    /// Where the learner's outcome numbers are, kept so the report reads them without the
    /// learner's record (entries come lowest percent first, in no order of the tables).
    var place: GradedLearners.OutcomePlace

    /// How many competencies are named per learner at most.
    public static let weakestLimit = 3
}
