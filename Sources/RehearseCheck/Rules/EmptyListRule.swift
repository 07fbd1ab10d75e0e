import RehearseBank
import RehearseCore
import RehearseScoring

/// A required list is empty.
public struct EmptyListRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: LoadRule.emptyList.rawValue, severity: LoadRule.emptyList.severity,
        summary: "`steps`, `items`, `options` and `responses` hold at least one entry.",
        rationale: "A quiz with no items or a question with no options cannot be taken.",
        triggering: [
            .scenario("id: s\ntitle: S\nsteps: ↓[]\n"),
            .quiz("id: q\ntitle: Q\nitems: ↓[]\n"),
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
