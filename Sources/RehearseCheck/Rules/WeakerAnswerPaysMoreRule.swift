import RehearseBank
import RehearseCore
import RehearseScoring

/// A scenario whose best-scoring path goes through a weaker answer, so that a learner who
/// answers every step well cannot reach 100%.
public struct WeakerAnswerPaysMoreRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "weaker-answer-pays-more", severity: .warning,
        summary: """
            A scenario's best-scoring path follows its best answers: no weaker option leads to \
            a branch worth more points.
            """,
        rationale: """
            A scenario's maximum is its best path. When a weaker option leads to a branch worth \
            more (a recovery step added on top of the good path rather than in place of one of \
            its steps), the maximum runs through the weak answer, and a learner who answers \
            every step well can never reach 100%.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: greet
                    kind: choice
                    prompt: P
                    options:
                      - id: a
                        text: The best reply
                        score: 2
                        next: close
                      - id: b
                        text: A poor reply
                        score: 0
                        next: ↓recover
                  - id: recover
                    kind: truefalse
                    prompt: Q
                    answer: true
                  - id: close
                    kind: truefalse
                    prompt: R
                    answer: true
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
                  - id: greet
                    kind: choice
                    prompt: P
                    options:
                      - id: a
                        text: The best reply
                        score: 2
                        next: promise
                      - id: b
                        text: A poor reply
                        score: 0
                        next: recover
                  - id: promise
                    kind: truefalse
                    prompt: Q
                    answer: true
                    next: close
                  - id: recover
                    kind: truefalse
                    prompt: R
                    answer: true
                  - id: close
                    kind: truefalse
                    prompt: S
                    answer: true
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // With a step that could not be read, the paths through it are unknown.
        for scenario in bank.scenarios where scenario.unreadableSteps.isEmpty {
            guard let paths = ScenarioPaths(scenario) else { continue }
            for (option, node, worth) in paths.weakerOptionsThatPayMore() {
                let step = scenario.steps[node]
                found.append(
                    Self.finding(
                        at: option.next?.location ?? option.location,
                        "option `\(option.id.value)` of step `\(step.id.value)` is a weaker "
                            + "answer, but its path is worth \(format(worth)) points from there, "
                            + "more than the \(format(paths.good[node])) the best answers earn; "
                            + "a learner who answers well reaches at most "
                            + "\(format(paths.good[paths.start])) of the scenario's "
                            + "\(format(paths.best[paths.start])) points",
                        hint:
                            "let recovery steps replace steps of the good path rather than add "
                            + "to it, or give the good path as many points"))
            }
        }
        return found
    }
}
