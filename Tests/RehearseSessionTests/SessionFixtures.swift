import Foundation
import RehearseTestSupport

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring
@testable import RehearseSession

/// A small bank with every question kind and a branching scenario, for session tests.
enum SessionFixtures {
    static let start = Date(timeIntervalSince1970: 1_767_600_000)  // 2026-01-05T08:00:00Z

    static let scenario = """
        id: late-delivery
        title: The late delivery
        channel: phone
        competencies: [empathy, product-knowledge]
        customer: Maria, a repeat customer
        context: Her order is three days late.
        steps:
          - id: greet
            kind: choice
            prompt: Maria sounds upset. What do you say first?
            hint: Feelings first.
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

    static func quiz(mode: String = "practice", extra: String = "") -> String {
        """
        id: every-kind
        title: Every kind
        pass: 60%
        mode: \(mode)
        \(extra)
        items:
          - question:
              id: tf
              kind: truefalse
              competency: empathy
              prompt: Listening matters.
              answer: true
              explanation: It does.
          - scenario: late-delivery
          - question:
              id: pick
              kind: multi
              competency: product-knowledge
              prompt: Which are true?
              scoring: partial
              points: 2
              options:
                - {id: a, text: One, correct: true}
                - {id: b, text: Two, correct: true, feedback: Yes two.}
                - {id: c, text: Three, correct: false, feedback: Not three.}
          - question:
              id: steps
              kind: order
              competency: empathy
              prompt: Put in order.
              items:
                - {id: listen, text: Listen}
                - {id: sorry, text: Apologise}
                - {id: fix, text: Fix}
          - question:
              id: name
              kind: text
              competency: product-knowledge
              prompt: Name the loyalty programme.
              accept: [Northwind Circle]
          - question:
              id: rating
              kind: rate
              competency: above-and-beyond
              prompt: Rate these.
              scale: 5
              responses:
                - {id: a, text: Good, key: 5}
                - {id: b, text: Bad, key: 1}
        """
    }

    static func plan(mode: String = "practice", extra: String = "", seed: UInt64 = 1) -> QuizPlan {
        let bank = ScoringFixtures.bank([
            "scenarios/late-delivery.yaml": scenario,
            "quizzes/every-kind.yaml": quiz(mode: mode, extra: extra),
        ])
        guard let quiz = bank.quiz("every-kind") else { preconditionFailure("no quiz") }
        return QuizPlan(quiz: quiz, bank: bank, seed: seed)
    }

    static func session(
        mode: String = "practice", extra: String = "", override: QuizMode? = nil
    ) -> QuizSession {
        QuizSession(
            plan: plan(mode: mode, extra: extra), mode: override, learner: "sam",
            attemptID: "attempt-1", quizHash: "hash", startedAt: start)
    }

    /// The asked question among events, if any.
    static func asked(_ events: [SessionEvent]) -> AskedQuestion? {
        for case .question(let asked) in events { return asked }
        return nil
    }

    static func report(_ events: [SessionEvent]) -> SessionReport? {
        for case .finished(let report) in events { return report }
        return nil
    }

    static func feedback(_ events: [SessionEvent]) -> AnswerFeedback? {
        for case .scored(let feedback) in events { return feedback }
        return nil
    }
}
