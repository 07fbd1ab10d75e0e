/// An option scores more than its question is worth.
public struct ScoreExceedsPointsRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "score-exceeds-points", severity: .error,
        summary: "No option of a choice question scores more than the question's `points`.",
        rationale: "A score above the maximum would push a learner past 100%.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    points: 1\n    options:\n      - id: x\n        text: X\n        score: ↓3\n"
            )
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    options:\n      - id: x\n        text: X\n        score: 3\n      - id: y\n        text: Y\n        score: 1\n"
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (question, _) in bank.allQuestions {
            guard case .choice(let options) = question.body, let points = question.points else {
                continue
            }
            for option in options {
                guard let score = option.score, score.value > points.value else { continue }
                found.append(
                    Self.finding(
                        at: score.location,
                        "option `\(option.id.value)` scores \(format(score.value)) but question `\(question.id.value)` is worth \(format(points.value))",
                        hint: "keep scores within 0...\(format(points.value)), or raise `points`"))
            }
        }
        return found
    }
}
