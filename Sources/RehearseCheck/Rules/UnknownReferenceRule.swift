import RehearseBank
import RehearseCore
import RehearseScoring

/// A reference to a scenario or step that does not exist.
public struct UnknownReferenceRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "unknown-reference", severity: .error,
        summary:
            """
            `scenario:` items and draw `scenarios` name scenarios of the bank; `start` and \
            `next` name steps of the scenario (or `end`).
            """,
        rationale: "A dangling reference breaks the quiz at the moment a learner reaches it.",
        triggering: [
            .quiz(
                """
                id: q
                title: Q
                items:
                  - scenario: ↓no-such-scenario
                """),
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
                        next: ↓b
                """
            ),
        ],
        nonTriggering: [
            RuleExample([
                ("quizzes/q.yaml", "id: q\ntitle: Q\nitems:\n  - scenario: s\n"),
                (
                    "scenarios/s.yaml",
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
                            next: end
                    """
                ),
            ])
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let scenarioIDs = Set(bank.scenarios.map(\.id.value))
        // Prepared once, at the first unknown reference: a look-up is then linear in the
        // scenarios, and a clean bank pays nothing.
        var scenarioSuggestions: SuggestionIndex?
        func scenarioRef(_ ref: Located<String>) {
            guard !scenarioIDs.contains(ref.value), !bank.unreadableScenarios.contains(ref.value)
            else { return }
            let suggestions = scenarioSuggestions ?? SuggestionIndex(bank.scenarios.map(\.id.value))
            scenarioSuggestions = suggestions
            found.append(
                Self.finding(
                    at: ref.location,
                    "no scenario has the id `\(ref.value)`"
                        + suggestions.phrase(for: ref.value),
                    hint: "use the `id` of a file in scenarios/"))
        }
        for quiz in bank.quizzes {
            for item in quiz.items {
                switch item {
                case .scenario(let ref): scenarioRef(ref)
                case .draw(let draw): draw.filter.scenarios.forEach(scenarioRef)
                case .question: break
                }
            }
        }
        for scenario in bank.scenarios {
            let stepIDs = scenario.steps.map(\.id.value)
            let endingIDs = scenario.endings.map(\.id.value)
            var stepSuggestions: SuggestionIndex?
            func stepRef(_ ref: Located<String>?, allowEnd: Bool) {
                guard let ref, !(allowEnd && ref.value == "end"), !stepIDs.contains(ref.value),
                    !scenario.unreadableSteps.contains(ref.value),
                    !(allowEnd && endingIDs.contains(ref.value))
                else { return }
                let suggestions = stepSuggestions ?? SuggestionIndex(stepIDs + ["end"])
                stepSuggestions = suggestions
                found.append(
                    Self.finding(
                        at: ref.location,
                        "scenario `\(scenario.id.value)` has no step `\(ref.value)`"
                            + suggestions.phrase(for: ref.value),
                        hint: "name one of its steps (\(stepIDs.joined(separator: ", ")))"
                            + (allowEnd ? " or `end`" : "")))
            }
            stepRef(scenario.start, allowEnd: false)
            for step in scenario.steps {
                stepRef(step.next, allowEnd: true)
                for option in step.options { stepRef(option.next, allowEnd: true) }
            }
        }
        return found
    }
}
