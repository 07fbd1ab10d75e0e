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
            A file that does not parse cannot be read at all. Most such errors are indentation: \
            a key deeper or shallower than its siblings, a list item out of line with its list, \
            or an unquoted value holding `: `. The finding names the line that is out of line \
            and the line it should match, and how to fix it; otherwise it points at the first \
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
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: truefalse
                      ↓prompt: indented two spaces too far
                    answer: true
                """),
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: number
                    prompt: How many days?
                    answer: 5
                  ↓unit: days
                """),
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
                        score: 1
                    ↓- id: y
                        text: Y
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
