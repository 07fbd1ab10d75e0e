import RehearseBank
import RehearseCore
import RehearseScoring

/// A value of the wrong type: text where a list belongs, a string where a number belongs...
public struct WrongTypeRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.wrongType.rawValue, severity: LoadRule.wrongType.severity,
        summary: "Each value has the type the format gives its key.",
        rationale:
            """
            A quoted number or a single value where a list belongs cannot be scored reliably; \
            the finding says what was expected.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: number
                    prompt: P
                    answer: ↓"5"
                """
            ),
            .scenario("id: s\ntitle: S\nsteps: ↓many\n"),
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: number
                    prompt: P
                    answer: 5
                """
            )
        ])
}
