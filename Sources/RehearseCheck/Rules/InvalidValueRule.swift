import RehearseBank
import RehearseCore
import RehearseScoring

/// A value outside what its key allows: an unknown kind, mode or channel, a negative score...
public struct InvalidValueRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.invalidValue.rawValue, severity: LoadRule.invalidValue.severity,
        summary: """
            Values lie within what their key allows (kinds, modes, channels, durations, \
            signs).
            """,
        rationale:
            """
            An unknown `kind` or `mode`, a negative score or a backwards range would make the \
            quiz behave differently from what the author meant.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: ↓choise
                    prompt: P
                """
            ),
            .quiz(
                """
                id: q
                title: Q
                mode: exam
                time-limit: ↓soon
                items:
                  - question:
                      id: a
                      kind: truefalse
                      competency: empathy
                      prompt: P
                      answer: true
                """
            ),
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: number
                    prompt: P
                    range: ↓[9, 1]
                """
            ),
        ],
        nonTriggering: [
            .quiz(
                """
                id: q
                title: Q
                mode: exam
                time-limit: 1h30m
                items:
                  - question:
                      id: a
                      kind: number
                      competency: empathy
                      prompt: P
                      range: [1, 9]
                """
            )
        ])
}
