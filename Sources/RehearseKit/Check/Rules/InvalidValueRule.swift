/// A value outside what its key allows: an unknown kind, mode or channel, a negative score...
public struct InvalidValueRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "invalid-value", severity: .error,
        summary: "Values lie within what their key allows (kinds, modes, channels, durations, signs).",
        rationale:
            "An unknown `kind` or `mode`, a negative score or a backwards range would make the quiz behave differently from what the author meant.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: ↓choise\n    prompt: P\n"
            ),
            .quiz(
                "id: q\ntitle: Q\nmode: exam\ntime-limit: ↓soon\nitems:\n  - question:\n      id: a\n      kind: truefalse\n      competency: empathy\n      prompt: P\n      answer: true\n"
            ),
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: number\n    prompt: P\n    range: ↓[9, 1]\n"
            ),
        ],
        nonTriggering: [
            .quiz(
                "id: q\ntitle: Q\nmode: exam\ntime-limit: 1h30m\nitems:\n  - question:\n      id: a\n      kind: number\n      competency: empathy\n      prompt: P\n      range: [1, 9]\n"
            )
        ])
}
