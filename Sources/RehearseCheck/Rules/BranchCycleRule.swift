import RehearseBank
import RehearseCore
import RehearseScoring

/// Branching that loops back, so a scenario might never end.
public struct BranchCycleRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "branch-cycle", severity: .error,
        summary: "A scenario's steps form no cycle through `next`.",
        rationale:
            """
            A loop could keep a learner in the scenario forever, and a scenario's maximum \
            score (its best path) is undefined.
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
                  - id: b
                    kind: truefalse
                    prompt: Q
                    answer: true
                    next: ↓a
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
                    kind: truefalse
                    prompt: P
                    answer: true
                    next: b
                  - id: b
                    kind: truefalse
                    prompt: Q
                    answer: true
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        bank.scenarios.compactMap { scenario in
            guard let cycle = StepGraph(scenario).cycle, let last = cycle.last,
                let first = cycle.first
            else { return nil }
            let names = (cycle + [first]).map { scenario.steps[$0].id.value }
            let closing = scenario.steps[last]
            let target = scenario.steps[first].id.value
            let location =
                closing.options.first { $0.next?.value == target }?.next?.location
                ?? closing.next?.location ?? closing.id.location
            return Self.finding(
                at: location,
                "scenario `\(scenario.id.value)` loops: \(names.joined(separator: " → "))",
                hint: "send the last step of the loop forward, or to `end`")
        }
    }
}
