/// What a learner's totals take from a block outcome (see `Grader.totals`).
struct OutcomeTotals {
    var earned: Double
    var max: Double
    var unanswered: Int32
    var hasIgnored: Bool
    /// The outcome's points per competency in `Grader.points`: `pointsCount` from
    /// `pointsStart`; a count of -1 when they are not kept (read from the outcome).
    var pointsStart: Int32
    var pointsCount: Int32

    init(_ outcome: BlockOutcome, points: Range<Int>?) {
        earned = outcome.earned
        max = outcome.max
        unanswered = Int32(clamping: outcome.unanswered)
        hasIgnored = !outcome.ignored.isEmpty
        pointsStart = Int32(clamping: points?.lowerBound ?? 0)
        pointsCount = points.map { Int32(clamping: $0.count) } ?? -1
    }
}

/// An answer's points toward one of its competencies.
struct CompetencyPoint {
    var competency: Int
    var earned: Double
    var max: Double

    /// The points of an outcome's answers toward their questions' competencies (question q's
    /// are `list[starts[q]..<starts[q + 1]]`), in the order a learner's competency scores add
    /// them: answer by answer, each question's competencies in order.
    static func forEach(
        of outcome: BlockOutcome, list: [Int], starts: [Int], _ body: (CompetencyPoint) -> Void
    ) {
        for answer in outcome.answers {
            for slot in starts[answer.question]..<starts[answer.question + 1] {
                body(
                    CompetencyPoint(competency: list[slot], earned: answer.earned, max: answer.max))
            }
        }
    }
}
