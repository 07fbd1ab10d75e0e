import RehearseBank
import RehearseCore
import RehearseScoring

/// A text question's pattern whose matching can take exponential time on some answers.
public struct SlowPatternRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "slow-pattern", severity: .error,
        summary:
            "No pattern may nest or overlap repeats, or use back-references: matching could blow up.",
        rationale:
            """
            A pattern such as `(a+)+` or `(a|a)*` makes the matcher try exponentially many ways \
            on an answer that almost matches: one learner's answer could stall a quiz or a whole \
            grading run. Matching has a time budget as a last guard, but a pattern that runs out \
            of it marks a right answer wrong.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: text
                    prompt: P
                    patterns: [↓"(sorry+)+"]
                """
            ),
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: text
                    prompt: P
                    patterns: [↓"(\\\\w+)\\\\s+\\\\1"]
                """
            ),
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: text
                    prompt: P
                    patterns: ["sorr(y|ies)", "apologi[sz]e"]
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var risks: [String: String?] = [:]  // banks repeat patterns: look at each once
        bank.forEachQuestion { question, _ in
            guard case .text(let answer) = question.body else { return }
            for pattern in answer.patterns {
                // An invalid pattern is `invalid-regex`'s finding, not this rule's.
                let risk =
                    risks[pattern.value]
                    ?? (TextPattern.isValid(pattern.value)
                        ? TextPattern.riskReason(pattern.value) : nil)
                risks[pattern.value] = risk
                guard let risk else { continue }
                found.append(
                    Self.finding(
                        at: pattern.location, "`\(pattern.value)` can be slow to match: \(risk)",
                        hint:
                            "write each repeat once (`sorry+`, not `(sorry+)+`), make alternatives "
                            + "distinct, and list variants in `accept` instead of back-references"))
            }
        }
        return found
    }
}
