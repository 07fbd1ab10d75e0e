import RehearseBank
import RehearseCore
import RehearseScoring

/// An id that does not match the id pattern.
public struct InvalidIDRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.invalidID.rawValue, severity: LoadRule.invalidID.severity,
        summary: "Ids match `^[a-z0-9][a-z0-9-]{0,63}$`.",
        rationale:
            """
            Ids become refs in answer sheets, progress files and reports (`scenario/step`); a \
            stable, simple form keeps them usable in CSV headers, file names and URLs.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: ↓Greet Customer
                    kind: truefalse
                    prompt: P
                    answer: true
                """
            ),
            .scenario(
                """
                id: s
                title: S
                competencies: [↓Empathy]
                steps:
                  - id: a
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
                competencies: [empathy]
                steps:
                  - id: greet-customer-2
                    kind: truefalse
                    prompt: P
                    answer: true
                """
            )
        ])
}
