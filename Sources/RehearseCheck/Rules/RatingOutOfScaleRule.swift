import RehearseBank
import RehearseCore
import RehearseScoring

/// An expert rating outside the question's scale.
public struct RatingOutOfScaleRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "rating-out-of-scale", severity: .error,
        summary: "Each `key` of a rate question lies between 1 and `scale`.",
        rationale: """
            A key outside the scale can never be matched and distorts every learner's score.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: rate
                    prompt: P
                    scale: 5
                    responses:
                      - id: x
                        text: X
                        key: ↓7
                """
            )
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: rate
                    prompt: P
                    scale: 7
                    responses:
                      - id: x
                        text: X
                        key: 7
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        bank.forEachQuestion { question, _ in
            guard case .rate(let responses, let scale) = question.body else { return }
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
