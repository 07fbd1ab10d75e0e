/// Two options, order items or rate responses of one question share an id.
public struct DuplicateOptionRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "duplicate-option", severity: .error,
        summary: "Option, item and response ids are unique within their question.",
        rationale:
            "Learners answer by id (`b`, `a,c`, `a=5`); two options with one id make the answer ambiguous.",
        triggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    options:\n      - id: x\n        text: X\n        correct: true\n      - id: ↓x\n        text: Y\n"
            ),
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: order\n    prompt: P\n    items:\n      - id: x\n        text: X\n      - id: ↓x\n        text: Y\n"
            ),
        ],
        nonTriggering: [
            .scenario(
                "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: order\n    prompt: P\n    items:\n      - id: x\n        text: X\n      - id: y\n        text: Y\n"
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (question, _) in bank.allQuestions {
            let ids: [Located<String>]
            switch question.body {
            case .choice(let options), .multi(let options, _): ids = options.map(\.id)
            case .order(let items, _): ids = items.map(\.id)
            case .rate(let responses, _): ids = responses.map(\.id)
            default: continue
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
