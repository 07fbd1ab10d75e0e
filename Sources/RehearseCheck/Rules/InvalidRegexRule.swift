import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// A text question's pattern that is not a valid regular expression.
public struct InvalidRegexRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "invalid-regex", severity: .error,
        summary: "Each entry of `patterns` is a valid (ICU) regular expression.",
        rationale: "A broken pattern would match nothing and mark every learner wrong.",
        triggering: [
            .scenario(
                """
                id: s
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: text
                    prompt: P
                    patterns: [↓"sorry("]
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
                    kind: text
                    prompt: P
                    patterns: ["sorr(y|ies)"]
                """
            )
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var validity: [String: Bool] = [:]  // banks repeat patterns: compile each once
        bank.forEachQuestion { question, _ in
            guard case .text(let answer) = question.body else { return }
            for pattern in answer.patterns {
                let valid = validity[pattern.value] ?? TextPattern.isValid(pattern.value)
                validity[pattern.value] = valid
                guard !valid else { continue }
                found.append(
                    Self.finding(
                        at: pattern.location,
                        "`\(pattern.value)` is not a valid regular expression",
                        hint: "check brackets and escapes; write `\\\\(` for a literal parenthesis")
                )
            }
        }
        return found
    }
}
