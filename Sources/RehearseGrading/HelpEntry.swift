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

    /// How many competencies are named per learner at most.
    public static let weakestLimit = 3

    /// The learners who need help, lowest percent first (ties in the cohort's order). The
    /// questions they missed are not kept (`GradeReport.missed(_:)` finds them when shown).
    static func entries(_ graded: GradedCohort) -> [HelpEntry] {
        let pass = graded.passPercent
        var result: [HelpEntry] = []
        for (offset, learner) in graded.learners.enumerated() {
            let scored = learner.competencies.enumerated().compactMap { competency, score in
                score.percent.map { (competency, $0) }
            }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            let below = scored.filter { $0.1 < pass }
            guard !learner.passed || !below.isEmpty else { continue }
            let weakest = (below.isEmpty ? Array(scored.prefix(1)) : below).prefix(weakestLimit)
            result.append(
                HelpEntry(learner: offset, percent: learner.percent, weakest: weakest.map(\.0)))
        }
        return result.sorted {
            $0.percent != $1.percent ? $0.percent < $1.percent : $0.learner < $1.learner
        }
    }
}
