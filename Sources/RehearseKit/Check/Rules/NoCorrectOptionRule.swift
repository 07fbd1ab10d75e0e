/// A choice or multi question where no option is right.
public struct NoCorrectOptionRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "no-correct-option", severity: .error,
        summary:
            "A choice question has an option with `correct: true` or a score above 0; a multi question has a `correct: true` option.",
        rationale: "Without a right option every learner scores 0, whatever they choose.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - ↓id: a\n    kind: choice\n    prompt: P\n    options:\n      - id: x\n        text: X\n      - id: y\n        text: Y\n        score: 0\n"
            ),
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - ↓id: a\n    kind: multi\n    prompt: P\n    options:\n      - id: x\n        text: X\n        correct: false\n"
            ),
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: multi\n    prompt: P\n    options:\n      - id: x\n        text: X\n        correct: true\n      - id: y\n        text: Y\n"
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        bank.allQuestions.compactMap { question, _ in
            let options = question.options
            guard !options.isEmpty else { return nil }
            let anyRight: Bool
            switch question.body {
            case .choice:
                anyRight = options.contains { $0.correct?.value == true || ($0.score?.value ?? 0) > 0 }
            case .multi:
                anyRight = options.contains { $0.correct?.value == true }
            default:
                return nil
            }
            guard !anyRight else { return nil }
            return Self.finding(
                at: question.location,
                "no option of question `\(question.id.value)` is right, so it cannot be scored",
                hint: question.kind == .choice
                    ? "mark the best option `correct: true`, or give options a `score`"
                    : "mark each right option `correct: true`")
        }
    }
}
