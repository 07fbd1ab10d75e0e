import RehearseBank
import RehearseCore
import RehearseScoring

/// Builds questions and banks for scoring tests from YAML, through the real loader.
package enum ScoringFixtures {
    /// The one step of a scenario written as YAML lines (indented under `steps:`).
    package static func question(_ yaml: String) -> Question {
        let text = "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n" + yaml
        let loaded = BankLoader.load([SourceFile(path: "scenarios/s.yaml", text: text)])
        precondition(loaded.diagnostics.isEmpty, "fixture has findings: \(loaded.diagnostics)")
        guard let step = loaded.bank.scenarios.first?.steps.first else {
            preconditionFailure("fixture has no step")
        }
        return step
    }

    package static func bank(_ files: [String: String]) -> Bank {
        let loaded = BankLoader.load(
            files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) })
        precondition(loaded.diagnostics.isEmpty, "fixture has findings: \(loaded.diagnostics)")
        return loaded.bank
    }

    package static func score(_ answer: String, _ question: Question) -> QuestionScore? {
        guard case .success(let response) = AnswerParser.parse(answer, for: question) else {
            return nil
        }
        return QuestionScorer.score(response, for: question)
    }

    /// The spec's late-delivery scenario.
    package static let lateDelivery = """
        id: late-delivery
        title: The late delivery
        channel: phone
        competencies: [empathy, product-knowledge]
        steps:
          - id: greet
            kind: choice
            prompt: Maria sounds upset. What do you say first?
            options:
              - {id: a, text: Sorry, score: 2, feedback: Acknowledges., next: lookup}
              - {id: b, text: Not our fault, score: 0, feedback: Deflects., next: escalation}
            points: 2
          - id: lookup
            kind: number
            competency: product-knowledge
            prompt: How many business days?
            answer: 5
            unit: days
            next: end
          - id: escalation
            kind: text
            prompt: Maria asks for a manager.
            rubric:
              - {any: [sorry, apologise, apologize, understand], points: 1}
              - {any: [manager, supervisor, escalate], points: 1}
        """
}
