import RehearseBank
import RehearseCore
import RehearseScoring

/// YAML anchors and aliases are refused.
public struct YAMLAnchorRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.yamlAnchor.rawValue, severity: LoadRule.yamlAnchor.severity,
        summary: "YAML anchors (`&name`) and aliases (`*name`) are not accepted.",
        rationale:
            """
            No bank needs them, and nested aliases expand exponentially ("billion laughs"); \
            the file is refused before any alias is followed.
            """,
        triggering: [
            .scenario("id: s\ntitle: ↓&t S\nsteps: []\n"),
            .scenario(
                """
                id: s
                title: S
                customer: x
                context: ↓*x
                steps: []
                """),
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: "S & *stars*"
                competencies: [empathy]
                steps:
                  - id: a
                    kind: truefalse
                    prompt: P
                    answer: true
                """
            )
        ])
}
