import RehearseBank
import RehearseCore
import RehearseScoring

/// A choice question whose best option earns less than the question's points.
public struct NoFullCreditRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "no-full-credit", severity: .error,
        summary: "In a choice question some option earns the question's full `points`.",
        rationale:
            """
            If the best option scores 1 of 2 points nobody can reach 100%, and every \
            percentage of the quiz is skewed.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: choice
                    prompt: P
                    points: ↓2
                    options:
                      - id: x
                        text: X
                        score: 1
                      - id: y
                        text: Y
                        score: 0
                """
            )
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: choice
                    prompt: P
                    points: 2
                    options:
                      - id: x
                        text: X
                        score: 2
                      - id: y
                        text: Y
                        score: 1
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        bank.findings { question, _ in
            guard case .choice(let options) = question.body, let points = question.points,
                options.contains(where: { $0.correct?.value == true || ($0.score?.value ?? 0) > 0 })
            else { return [] }
            let best = options.map { question.points(for: $0) }.max() ?? 0
            guard best < points.value else { return [] }
            return [
                Self.finding(
                    at: points.location,
                    "question `\(question.id.value)` is worth \(format(points.value)) points but its best option scores \(format(best))",
                    hint:
                        "lower `points` to \(format(best)), or give the best option `score: \(format(points.value))`"
                )
            ]
        }
    }
}
