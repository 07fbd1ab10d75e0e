import RehearseBank
import RehearseCore
import RehearseScoring

/// A question has no answer to score against.
public struct MissingAnswerRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.missingAnswer.rawValue, severity: LoadRule.missingAnswer.severity,
        summary:
            """
            truefalse has `answer`; number has `answer` or `range`; text has `accept`, \
            `patterns` or `rubric`; each rate response has `key`.
            """,
        rationale: "A question without its answer scores every learner 0.",
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - ↓id: a
                    kind: truefalse
                    prompt: P
                """
            ),
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: rate
                    prompt: P
                    responses:
                      - ↓id: x
                        text: X
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
                    kind: rate
                    prompt: P
                    responses:
                      - id: x
                        text: X
                        key: 4
                """
            )
        ])
}
