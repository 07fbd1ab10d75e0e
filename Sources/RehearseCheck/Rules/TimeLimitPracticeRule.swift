import RehearseBank
import RehearseCore
import RehearseScoring

/// A time limit on a practice quiz, where it does not apply.
public struct TimeLimitPracticeRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "time-limit-practice", severity: .warning,
        summary: "`time-limit` is set only on quizzes with `mode: exam`.",
        rationale: """
            Practice is untimed: the limit would be ignored, which is rarely what the author \
            meant.
            """,
        triggering: [
            .quiz(
                """
                id: q
                title: Q
                time-limit: ↓20m
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
                mode: exam
                time-limit: 20m
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
            guard let limit = quiz.timeLimit, quiz.mode == .practice else { return nil }
            return Self.finding(
                at: limit.location,
                "quiz `\(quiz.id.value)` is a practice quiz; its time limit is ignored",
                hint: "add `mode: exam`, or remove `time-limit`")
        }
    }
}
