import RehearseBank
import RehearseCore
import RehearseScoring

/// A boolean written as something else (`yes`, `"true"`).
public struct InvalidBooleanRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.invalidBoolean.rawValue, severity: LoadRule.invalidBoolean.severity,
        summary: """
            `answer` of a truefalse question and `correct` of an option are `true` or `false`.
            """,
        rationale:
            """
            YAML 1.2 reads `yes`, `no` and quoted `"true"` as text, so the question could \
            never be scored as the author meant.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: truefalse
                    prompt: P
                    answer: ↓yes
                """
            ),
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
                        correct: ↓"true"
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
                    kind: truefalse
                    prompt: P
                    answer: False
                """
            )
        ])
}
