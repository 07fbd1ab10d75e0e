import RehearseBank
import RehearseCore
import RehearseScoring

/// A pass mark written as a fraction (`pass: 0.7`), which the format reads as a percentage.
public struct PassMarkFractionRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "pass-mark-fraction", severity: .warning,
        summary: "A bare `pass` number is a percentage: `pass: 0.7` means 0.7%, not 70%.",
        rationale: """
            A plain number means percent, so a pass mark written as a fraction lets almost \
            everybody pass, and nothing else would ever show it. Write the percentage with its \
            sign (`70%`); a pass mark of 1% or less is written with its `%` too.
            """,
        triggering: [
            .quiz(
                """
                id: q
                title: Q
                pass: ↓0.7
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
                pass: 70%
                items:
                  - question:
                      id: a
                      kind: truefalse
                      competency: empathy
                      prompt: P
                      answer: true
                """
            ),
            .quiz(
                """
                id: q
                title: Q
                pass: 0.5%
                items:
                  - question:
                      id: a
                      kind: truefalse
                      competency: empathy
                      prompt: P
                      answer: true
                """
            ),
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        bank.quizzes.compactMap { quiz in
            guard let pass = quiz.pass, !quiz.passHasPercentSign, pass.value > 0, pass.value <= 1
            else { return nil }
            let meant = format((pass.value * 100_000).rounded() / 1000)
            return Self.finding(
                at: pass.location,
                "pass mark `\(format(pass.value))` of quiz `\(quiz.id.value)` means "
                    + "\(format(pass.value))%, so almost anybody passes (did you mean \(meant)%?)",
                hint: "write `pass: \(meant)%`; if you do mean \(format(pass.value))%, "
                    + "write `pass: \(format(pass.value))%`")
        }
    }
}
