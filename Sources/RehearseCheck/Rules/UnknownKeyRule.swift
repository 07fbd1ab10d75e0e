import RehearseBank
import RehearseCore
import RehearseScoring

/// A key the format does not define.
public struct UnknownKeyRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.unknownKey.rawValue, severity: LoadRule.unknownKey.severity,
        summary: "Every key must be one the format defines for that object.",
        rationale:
            """
            A misspelt key (`feeback`) would be silently ignored and the learner would miss \
            the text; the finding suggests the closest key.
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
                    options:
                      - id: x
                        text: X
                        correct: true
                        ↓feeback: Good
                """
            ),
            .quiz(
                """
                id: q
                title: Q
                items:
                  - question:
                      id: a
                      kind: truefalse
                      competency: empathy
                      prompt: P
                      answer: true
                      ↓next: end
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
                    kind: choice
                    prompt: P
                    options:
                      - id: x
                        text: X
                        correct: true
                        feedback: Good
                """
            )
        ])
}
