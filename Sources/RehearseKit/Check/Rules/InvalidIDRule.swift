/// An id that does not match the id pattern.
public struct InvalidIDRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "invalid-id", severity: .error,
        summary: "Ids match `^[a-z0-9][a-z0-9-]{0,63}$`.",
        rationale:
            "Ids become refs in answer sheets, progress files and reports (`scenario/step`); a stable, simple form keeps them usable in CSV headers, file names and URLs.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: ↓Greet Customer\n    kind: truefalse\n    prompt: P\n    answer: true\n"
            ),
            .scenario(
                "id: s\ntitle: S\ncompetencies: [↓Empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: true\n"
            ),
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: greet-customer-2\n    kind: truefalse\n    prompt: P\n    answer: true\n"
            )
        ])
}
