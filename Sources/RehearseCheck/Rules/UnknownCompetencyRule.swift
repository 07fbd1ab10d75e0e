import RehearseBank
import RehearseCore
import RehearseScoring

/// A competency id the bank does not define.
public struct UnknownCompetencyRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "unknown-competency", severity: .error,
        summary:
            """
            Competencies are the built-in three (empathy, product-knowledge, above-and-beyond) \
            or those `rehearse.yaml` declares.
            """,
        rationale: """
            A misspelt competency would put the question's points into a profile nobody reads.
            """,
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [↓empathie]
                steps:
                  - id: a
                    kind: truefalse
                    prompt: P
                    answer: true
                """
            ),
            RuleExample([
                ("rehearse.yaml", "competencies:\n  - id: tone\n    title: Tone\n"),
                (
                    "scenarios/s.yaml",
                    """
                    id: s
                    title: S
                    competencies: [↓empathy]
                    steps:
                      - id: a
                        kind: truefalse
                        prompt: P
                        answer: true
                    """
                ),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                ("rehearse.yaml", "competencies:\n  - id: tone\n    title: Tone\n"),
                (
                    "scenarios/s.yaml",
                    """
                    id: s
                    title: S
                    competencies: [tone]
                    steps:
                      - id: a
                        kind: truefalse
                        prompt: P
                        answer: true
                    """
                ),
            ])
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        // An unreadable rehearse.yaml has its own finding; its competencies are unknown.
        guard !bank.competenciesUnreadable else { return [] }
        let known = bank.competencies.map(\.id)
        let suggestions = SuggestionIndex(known)
        var found: [Diagnostic] = []
        func verify(_ ids: [Located<String>]) {
            for id in ids where !known.contains(id.value) {
                found.append(
                    Self.finding(
                        at: id.location,
                        "unknown competency `\(id.value)`"
                            + suggestions.phrase(for: id.value),
                        hint:
                            "use one of: \(known.joined(separator: ", ")) (or declare it in rehearse.yaml)"
                    ))
            }
        }
        for scenario in bank.scenarios {
            verify(scenario.competencies)
            for step in scenario.steps { verify(step.competencies) }
        }
        for quiz in bank.quizzes {
            for item in quiz.items {
                switch item {
                case .question(let question): verify(question.competencies)
                case .draw(let draw): verify(draw.filter.competencies)
                case .scenario: break
                }
            }
        }
        return found
    }
}
