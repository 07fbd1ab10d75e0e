import RehearseBank
import RehearseCore
import RehearseScoring

/// The file is not well-formed YAML (tabs in indentation included).
public struct YAMLSyntaxRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.yamlSyntax.rawValue, severity: LoadRule.yamlSyntax.severity,
        summary: "The file must be well-formed YAML, indented with spaces.",
        rationale:
            """
            A file that does not parse cannot be read at all; the finding points at the first \
            place the parser stopped.
            """,
        triggering: [
            .scenario("id: s\ntitle: S\n↓\tsteps: []\n"),
            .scenario("id: s\ntitle: ↓\"S\n"),
            .scenario(
                """
                id: s
                title: S
                steps:
                  - id: a
                    prompt: Note↓: this breaks
                """),
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
                    prompt: "Note: quoted"
                    answer: true
                """
            )
        ])
}
