import RehearseBank
import RehearseCore
import RehearseScoring

/// An option scores more than its question is worth.
public struct ScoreExceedsPointsRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "score-exceeds-points", severity: .error,
        summary: "No option of a choice question scores more than the question's `points`.",
        rationale: "A score above the maximum would push a learner past 100%.",
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
                    points: 1
                    options:
                      - id: x
                        text: X
                        score: ↓3
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
                    options:
                      - id: x
                        text: X
                        score: 3
                      - id: y
                        text: Y
                        score: 1
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        bank.forEachQuestion { question, _ in
            guard case .choice(let options) = question.body, let points = question.points else {
                return
            }
            for option in options {
                guard let score = option.score, score.value > points.value else { continue }
                found.append(
                    Self.finding(
                        at: score.location,
                        "option `\(option.id.value)` scores \(format(score.value)) but question `\(question.id.value)` is worth \(format(points.value))",
                        hint: "keep scores within 0...\(format(points.value)), or raise `points`"))
            }
        }
        return found
    }
}
