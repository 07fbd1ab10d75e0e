import RehearseBank
import RehearseCore
import RehearseScoring

/// A mapping gives the same key twice.
public struct DuplicateKeyRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.duplicateKey.rawValue, severity: LoadRule.duplicateKey.severity,
        summary: "A key appears at most once in a mapping.",
        rationale:
            """
            YAML keeps only one of two equal keys, so one of the author's values would be \
            silently lost. The finding lands on the repeated key.
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
                    answer: true
                    ↓prompt: Q
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
                    kind: truefalse
                    prompt: P
                    answer: true
                  - id: b
                    kind: truefalse
                    prompt: P
                    answer: false
                """
            )
        ])
}
