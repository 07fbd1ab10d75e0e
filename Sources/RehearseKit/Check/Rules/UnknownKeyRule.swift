/// A key the format does not define.
public struct UnknownKeyRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "unknown-key", severity: .error,
        summary: "Every key must be one the format defines for that object.",
        rationale:
            "A misspelt key (`feeback`) would be silently ignored and the learner would miss the text; the finding suggests the closest key.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    options:\n      - id: x\n        text: X\n        correct: true\n        ↓feeback: Good\n"
            ),
            .quiz(
                "id: q\ntitle: Q\nitems:\n  - question:\n      id: a\n      kind: truefalse\n      competency: empathy\n      prompt: P\n      answer: true\n      ↓next: end\n"
            ),
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    options:\n      - id: x\n        text: X\n        correct: true\n        feedback: Good\n"
            )
        ])
}
