/// A boolean written as something else (`yes`, `"true"`).
public struct InvalidBooleanRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "invalid-boolean", severity: .error,
        summary: "`answer` of a truefalse question and `correct` of an option are `true` or `false`.",
        rationale:
            "YAML 1.2 reads `yes`, `no` and quoted `\"true\"` as text, so the question could never be scored as the author meant.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: ↓yes\n"
            ),
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: multi\n    prompt: P\n    options:\n      - id: x\n        text: X\n        correct: ↓\"true\"\n"
            ),
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: False\n"
            )
        ])
}
