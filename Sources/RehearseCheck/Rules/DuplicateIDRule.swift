import RehearseBank
import RehearseCore
import RehearseScoring

/// Two quizzes, two scenarios, two steps of a scenario or two questions of a quiz share an id.
public struct DuplicateIDRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "duplicate-id", severity: .error,
        summary:
            """
            Quiz ids and scenario ids are unique across the bank; step ids within their \
            scenario; question ids within their quiz.
            """,
        rationale:
            """
            Refs (`scenario/step`) address answers in sheets, progress and reports; a shared \
            id would mix two questions' results. The finding lands on the later one.
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
                  - id: ↓a
                    kind: truefalse
                    prompt: Q
                    answer: false
                """
            ),
            RuleExample([
                (
                    "scenarios/one.yaml",
                    """
                    id: one
                    title: S
                    competencies: [empathy]
                    steps:
                      - id: a
                        kind: truefalse
                        prompt: P
                        answer: true
                    """
                ),
                (
                    "scenarios/two.yaml",
                    """
                    id: ↓one
                    title: S
                    competencies: [empathy]
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
                (
                    "scenarios/one.yaml",
                    """
                    id: one
                    title: S
                    competencies: [empathy]
                    steps:
                      - id: a
                        kind: truefalse
                        prompt: P
                        answer: true
                    """
                ),
                (
                    "scenarios/two.yaml",
                    """
                    id: two
                    title: S
                    competencies: [empathy]
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
        var found: [Diagnostic] = []
        func unique(_ ids: [Located<String>], what: String) {
            var seen: [String: SourceLocation] = [:]
            for id in ids {
                if let first = seen[id.value] {
                    found.append(
                        Self.finding(
                            at: id.location,
                            "\(what) id `\(id.value)` is already used at \(first)",
                            hint: "give this \(what) an id of its own"))
                } else {
                    seen[id.value] = id.location
                }
            }
        }
        unique(bank.quizzes.map(\.id), what: "quiz")
        unique(bank.scenarios.map(\.id), what: "scenario")
        for scenario in bank.scenarios {
            unique(scenario.steps.map(\.id), what: "step")
        }
        for quiz in bank.quizzes {
            unique(quiz.inlineQuestions.map(\.id), what: "question")
        }
        return found
    }
}
