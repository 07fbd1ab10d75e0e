/// YAML anchors and aliases are refused.
public struct YAMLAnchorRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "yaml-anchor", severity: .error,
        summary: "YAML anchors (`&name`) and aliases (`*name`) are not accepted.",
        rationale:
            "No bank needs them, and nested aliases expand exponentially (\"billion laughs\"); the file is refused before any alias is followed.",
        triggering: [
            .scenario("id: s\ntitle: ↓&t S\nsteps: []\n"),
            .scenario("id: s\ntitle: S\ncustomer: x\ncontext: ↓*x\nsteps: []\n"),
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: \"S & *stars*\"\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: true\n"
            )
        ])
}
