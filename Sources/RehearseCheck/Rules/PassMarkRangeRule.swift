import RehearseBank
import RehearseCore
import RehearseScoring

/// A pass mark below 0% or above 100%.
public struct PassMarkRangeRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "pass-mark-range", severity: .error,
        summary: "A quiz's `pass` lies between 0% and 100%.",
        rationale: "A pass mark above 100% can never be reached; one below 0% passes everybody.",
        triggering: [
            .quiz(
                """
                id: q
                title: Q
                pass: ↓120%
                items:
                  - question:
                      id: a
                      kind: truefalse
                      competency: empathy
                      prompt: P
                      answer: true
                """
            )
        ],
        nonTriggering: [
            .quiz(
                """
                id: q
                title: Q
                pass: 75%
                items:
                  - question:
                      id: a
                      kind: truefalse
                      competency: empathy
                      prompt: P
                      answer: true
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        bank.quizzes.compactMap { quiz in
            guard let pass = quiz.pass, pass.value < 0 || pass.value > 100 else { return nil }
            return Self.finding(
                at: pass.location,
                "pass mark \(format(pass.value))% of quiz `\(quiz.id.value)` is outside 0-100%",
                hint: "write a percentage from 0% to 100%, e.g. `pass: 75%`")
        }
    }
}
