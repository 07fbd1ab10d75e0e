import RehearseBank
import RehearseCore
import RehearseScoring

/// Two options, order items or rate responses of one question share an id.
public struct DuplicateOptionRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "duplicate-option", severity: .error,
        summary: "Option, item and response ids are unique within their question.",
        rationale:
            """
            Learners answer by id (`b`, `a,c`, `a=5`); two options with one id make the answer \
            ambiguous.
            """,
        triggering: [
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
                      - id: ↓x
                        text: Y
                """
            ),
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: order
                    prompt: P
                    items:
                      - id: x
                        text: X
                      - id: ↓x
                        text: Y
                """
            ),
        ],
        nonTriggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: order
                    prompt: P
                    items:
                      - id: x
                        text: X
                      - id: y
                        text: Y
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        bank.forEachQuestion { question, _ in
            let ids: [Located<String>]
            switch question.body {
            case .choice(let options), .multi(let options, _): ids = options.map(\.id)
            case .order(let items, _): ids = items.map(\.id)
            case .rate(let responses, _): ids = responses.map(\.id)
            default: return
            }
            var seen: [String: SourceLocation] = [:]
            for id in ids {
                if let first = seen[id.value] {
                    found.append(
                        Self.finding(
                            at: id.location,
                            "`\(id.value)` is already an id in question `\(question.id.value)` (line \(first.line))",
                            hint: "give each option, item or response its own id"))
                } else {
                    seen[id.value] = id.location
                }
            }
        }
        return found
    }
}
