import RehearseBank
import RehearseCore
import RehearseScoring

/// The file's bytes are not UTF-8.
public struct InvalidEncodingRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.invalidEncoding.rawValue, severity: LoadRule.invalidEncoding.severity,
        summary: "Files must be UTF-8.",
        rationale:
            """
            Text in another encoding shows as garbage to learners; the finding names the first \
            byte that is not UTF-8.
            """,
        triggering: [],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: Café olé
                competencies: [empathy]
                steps:
                  - id: a
                    kind: truefalse
                    prompt: Ça va ?
                    answer: true
                """
            )
        ])
}
