/// An expert rating outside the question's scale.
public struct RatingOutOfScaleRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "rating-out-of-scale", severity: .error,
        summary: "Each `key` of a rate question lies between 1 and `scale`.",
        rationale: "A key outside the scale can never be matched and distorts every learner's score.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: rate\n    prompt: P\n    scale: 5\n    responses:\n      - id: x\n        text: X\n        key: ↓7\n"
            )
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: rate\n    prompt: P\n    scale: 7\n    responses:\n      - id: x\n        text: X\n        key: 7\n"
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (question, _) in bank.allQuestions {
            guard case .rate(let responses, let scale) = question.body else { continue }
            for response in responses {
                guard let key = response.key, key.value < 1 || key.value > Double(scale) else {
                    continue
                }
                found.append(
                    Self.finding(
                        at: key.location,
                        "rating key \(format(key.value)) of `\(response.id.value)` is outside the scale 1-\(scale)",
                        hint: "use a rating from 1 to \(scale), or change `scale`"))
            }
        }
        return found
    }
}
