import RehearseBank
import RehearseCore
import RehearseScoring

/// The file is larger, bigger or deeper than any bank file needs to be.
public struct InputLimitRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.inputLimit.rawValue, severity: LoadRule.inputLimit.severity,
        summary: "Files stay under 1 MiB, 100,000 YAML nodes and 32 levels of nesting.",
        rationale:
            """
            Limits keep a hostile or broken file from exhausting memory or time; no real quiz \
            comes near them.
            """,
        triggering: [
            .scenario(
                "id: s\ntitle: S\ntags: "
                    + String(repeating: "[", count: 31) + "↓[x"
                    + String(repeating: "]", count: 32) + "\n")
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
