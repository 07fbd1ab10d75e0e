import RehearseBank
import RehearseCore
import RehearseScoring

/// A question that counts toward no competency.
public struct NoCompetencyRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "no-competency", severity: .error,
        summary:
            """
            Every question counts toward a competency: its own `competency`, or (for a step) \
            its scenario's `competencies`.
            """,
        rationale: """
            Competency profiles are what trainers read; a question outside every competency is \
            invisible there.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                steps:
                  - ↓id: a
                    kind: truefalse
                    prompt: P
                    answer: true
                """
            ),
            .quiz(
                """
                id: q
                title: Q
                items:
                  - question:
                      ↓id: a
                      kind: truefalse
                      prompt: P
                      answer: true
                """
            ),
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: S
                steps:
                  - id: a
                    kind: truefalse
                    competency: empathy
                    prompt: P
                    answer: true
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        bank.findings { question, scenario in
            guard question.competencies.isEmpty, scenario?.competencies.isEmpty ?? true else {
                return []
            }
            return [
                Self.finding(
                    at: question.location,
                    "question `\(question.id.value)` counts toward no competency",
                    hint: scenario == nil
                        ? "add `competency: ID` to the question"
                        : "add `competency: ID` to the step, or `competencies: [...]` to the scenario"
                )
            ]
        }
    }
}
