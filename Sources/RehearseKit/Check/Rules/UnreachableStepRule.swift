/// A step no path from the start leads to.
public struct UnreachableStepRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "unreachable-step", severity: .warning,
        summary: "Every step can be reached from the scenario's start.",
        rationale: "An unreachable step is never asked; it is usually a `next` that names the wrong step.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: true\n    next: end\n  - id: ↓b\n    kind: truefalse\n    prompt: Q\n    answer: true\n"
            )
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    options:\n      - id: x\n        text: X\n        correct: true\n        next: c\n      - id: y\n        text: Y\n  - id: b\n    kind: truefalse\n    prompt: Q\n    answer: true\n    next: end\n  - id: c\n    kind: truefalse\n    prompt: R\n    answer: true\n"
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for scenario in bank.scenarios {
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
