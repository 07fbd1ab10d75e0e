import RehearseBank
import RehearseCore
import RehearseScoring

/// A required key is missing or empty.
public struct MissingKeyRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.missingKey.rawValue, severity: LoadRule.missingKey.severity,
        summary: """
            Required keys (`id`, `title`, `kind`, `prompt`, `steps`, `items`, ...) are \
            present.
            """,
        rationale: "Without them the engine cannot show or address the question.",
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - ↓id: a
                    kind: truefalse
                    answer: true
                """
            ),
            .quiz("id: q\ntitle: Q\nitems:\n  - ↓title: nothing\n"),
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
                """
            )
        ])
}
