import RehearseBank
import RehearseCore
import RehearseScoring

/// A step no path from the start leads to.
public struct UnreachableStepRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "unreachable-step", severity: .warning,
        summary: "Every step can be reached from the scenario's start.",
        rationale: """
            An unreachable step is never asked; it is usually a `next` that names the wrong \
            step.
            """,
        triggering: [
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
                    next: end
                  - id: ↓b
                    kind: truefalse
                    prompt: Q
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
                  - id: a
                    kind: choice
                    prompt: P
                    options:
                      - id: x
                        text: X
                        correct: true
                        next: c
                      - id: y
                        text: Y
                  - id: b
                    kind: truefalse
                    prompt: Q
                    answer: true
                    next: end
                  - id: c
                    kind: truefalse
                    prompt: R
                    answer: true
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // With a step that could not be read, the paths through it are unknown.
        for scenario in bank.scenarios where scenario.unreadableSteps.isEmpty {
            let graph = StepGraph(scenario)
            guard graph.start != nil else { continue }
            let reachable = graph.reachable
            for (index, step) in scenario.steps.enumerated() where !reachable.contains(index) {
                found.append(
                    Self.finding(
                        at: step.id.location,
                        "step `\(step.id.value)` of scenario `\(scenario.id.value)` can never be reached",
                        hint: "point a `next` at it, or remove it"))
            }
        }
        return found
    }
}
