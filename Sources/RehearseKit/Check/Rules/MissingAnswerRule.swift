/// A question has no answer to score against.
public struct MissingAnswerRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "missing-answer", severity: .error,
        summary:
            "truefalse has `answer`; number has `answer` or `range`; text has `accept`, `patterns` or `rubric`; each rate response has `key`.",
        rationale: "A question without its answer scores every learner 0.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - ↓id: a\n    kind: truefalse\n    prompt: P\n"
            ),
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: rate\n    prompt: P\n    responses:\n      - ↓id: x\n        text: X\n"
            ),
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: rate\n    prompt: P\n    responses:\n      - id: x\n        text: X\n        key: 4\n"
            )
        ])
}
