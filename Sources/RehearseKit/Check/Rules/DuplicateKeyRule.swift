/// A mapping gives the same key twice.
public struct DuplicateKeyRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "duplicate-key", severity: .error,
        summary: "A key appears at most once in a mapping.",
        rationale:
            "YAML keeps only one of two equal keys, so one of the author's values would be silently lost. The finding lands on the repeated key.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: true\n    ↓prompt: Q\n"
            )
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: true\n  - id: b\n    kind: truefalse\n    prompt: P\n    answer: false\n"
            )
        ])
}
