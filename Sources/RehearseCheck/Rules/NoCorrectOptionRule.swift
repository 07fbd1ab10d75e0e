import RehearseBank
import RehearseCore
import RehearseScoring

/// A choice or multi question where no option is right.
public struct NoCorrectOptionRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "no-correct-option", severity: .error,
        summary:
            """
            A choice question has an option with `correct: true` or a score above 0; a multi \
            question has a `correct: true` option.
            """,
        rationale: "Without a right option every learner scores 0, whatever they choose.",
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - ↓id: a
                    kind: choice
                    prompt: P
                    options:
                      - id: x
                        text: X
                      - id: y
                        text: Y
                        score: 0
                """
            ),
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - ↓id: a
                    kind: multi
                    prompt: P
                    options:
                      - id: x
                        text: X
                        correct: false
                """
            ),
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: multi
                    prompt: P
                    options:
                      - id: x
                        text: X
                        correct: true
                      - id: y
                        text: Y
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        bank.findings { question, _ in
            let options = question.options
            guard !options.isEmpty else { return [] }
            let anyRight: Bool
            switch question.body {
            case .choice:
                anyRight = options.contains {
                    $0.correct?.value == true || ($0.score?.value ?? 0) > 0
                }
            case .multi:
                anyRight = options.contains { $0.correct?.value == true }
            default:
                return []
            }
            guard !anyRight else { return [] }
            return [
                Self.finding(
                    at: question.location,
                    "no option of question `\(question.id.value)` is right, so it cannot be scored",
                    hint: question.kind == .choice
                        ? "mark the best option `correct: true`, or give options a `score`"
                        : "mark each right option `correct: true`")
            ]
        }
    }
}
