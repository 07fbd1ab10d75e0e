import RehearseBank
import RehearseCore
import RehearseScoring

/// A draw asks for more scenarios than its pool holds.
public struct DrawTooLargeRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "draw-too-large", severity: .error,
        summary:
            """
            A `draw: N` finds at least N matching scenarios that the quiz does not already \
            list or draw.
            """,
        rationale:
            """
            A draw never repeats a scenario; a pool that is too small would leave the quiz \
            short for every learner.
            """,
        triggering: [
            RuleExample([
                (
                    "quizzes/q.yaml",
                    """
                    id: q
                    title: Q
                    items:
                      - scenario: s
                      - ↓draw: 1
                        from: {competency: empathy}
                    """
                ),
                (
                    "scenarios/s.yaml",
                    """
                    id: s
                    title: S
                    competencies: [empathy]
                    steps:
                      - id: a
                        kind: truefalse
                        prompt: P
                        answer: true
                    """
                ),
            ]),
            RuleExample([
                (
                    "quizzes/q.yaml",
                    """
                    id: q
                    title: Q
                    items:
                      - draw: 1
                        from: {competency: empathy}
                      - ↓draw: 2
                        from: {channel: chat}
                    """
                ),
                (
                    "scenarios/s.yaml",
                    """
                    id: s
                    title: S
                    channel: chat
                    competencies: [empathy]
                    steps:
                      - {id: a, kind: truefalse, prompt: P, answer: true}
                    """
                ),
                (
                    "scenarios/t.yaml",
                    """
                    id: t
                    title: T
                    channel: chat
                    competencies: [empathy]
                    steps:
                      - {id: a, kind: truefalse, prompt: P, answer: true}
                    """
                ),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "quizzes/q.yaml",
                    """
                    id: q
                    title: Q
                    items:
                      - draw: 1
                        from: {competency: empathy}
                    """
                ),
                (
                    "scenarios/s.yaml",
                    """
                    id: s
                    title: S
                    competencies: [empathy]
                    steps:
                      - id: a
                        kind: truefalse
                        prompt: P
                        answer: true
                    """
                ),
            ])
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let covered = bank.scenarios.map(\.coveredCompetencies)
        for quiz in bank.quizzes {
            var listed = Set<String>()
            for case .scenario(let ref) in quiz.items { listed.insert(ref.value) }
            var earlier: [(count: Int, pool: Set<String>)] = []
            for case .draw(let draw) in quiz.items {
                var pool = Set<String>()
                for (index, scenario) in bank.scenarios.enumerated()
                where !listed.contains(scenario.id.value)
                    && draw.filter.matches(scenario, covering: covered[index])
                {
                    pool.insert(scenario.id.value)
                }
                // The worst case: every earlier draw picks as much of this pool as it can.
                let takenAtWorst = earlier.reduce(0) {
                    $0 + min($1.count, $1.pool.intersection(pool).count)
                }
                let available = max(0, pool.count - takenAtWorst)
                // Scenario files that could not be read may have belonged to the pool.
                if available + bank.unreadableScenarios.count < draw.count.value {
                    let shared = takenAtWorst > 0 ? " once earlier draws have picked theirs" : ""
                    found.append(
                        Self.finding(
                            at: draw.location,
                            "draw of \(draw.count.value) in quiz `\(quiz.id.value)` can find only \(available) matching scenario\(available == 1 ? "" : "s") not already in the quiz\(shared)",
                            hint: "draw fewer, widen `from`, or add scenarios to the pool"))
                }
                earlier.append((draw.count.value, pool))
            }
        }
        return found
    }
}
