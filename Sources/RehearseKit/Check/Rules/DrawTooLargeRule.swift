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
            ])
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
        for quiz in bank.quizzes {
            var taken = Set<String>()
            for case .scenario(let ref) in quiz.items { taken.insert(ref.value) }
            for case .draw(let draw) in quiz.items {
                let pool = bank.scenarios.filter {
                    !taken.contains($0.id.value) && draw.filter.matches($0)
                }
                if pool.count < draw.count.value {
                    found.append(
                        Self.finding(
                            at: draw.location,
                            "draw of \(draw.count.value) in quiz `\(quiz.id.value)` finds only \(pool.count) matching scenario\(pool.count == 1 ? "" : "s") not already in the quiz",
                            hint: "draw fewer, widen `from`, or add scenarios to the pool"))
                }
                // Later draws cannot pick what this one may pick: reserve the largest share.
                for scenario in pool.prefix(draw.count.value) { taken.insert(scenario.id.value) }
            }
        }
        return found
    }
}
