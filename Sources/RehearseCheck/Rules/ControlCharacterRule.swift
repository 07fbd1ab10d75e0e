import RehearseBank
import RehearseCore
import RehearseScoring

/// Text with control characters or bidirectional overrides is refused.
public struct ControlCharacterRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.controlCharacter.rawValue, severity: LoadRule.controlCharacter.severity,
        summary:
            "No text may hold control characters (but newline and tab) or direction overrides.",
        rationale:
            """
            Bank text reaches learners' terminals, browsers and spreadsheets. An escape \
            sequence could clear a screen, retitle a window or plant a link; a direction \
            override makes text read differently from how it is stored. The finding names the \
            character, whether it was written raw or as a YAML escape.
            """,
        triggering: [
            .scenario("id: s\ntitle: ↓\"Hello \\e]0;pwned\\a\"\nsteps: []\n"),
            .scenario("id: s\ntitle: S\ncustomer: ↓\"Ana \\u202Eevil\"\nsteps: []\n"),
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: "Tabs\\tand newlines\\nare fine: ok"
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
