import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A question that is due for review, resolved from its ref.
public struct ReviewItem: Sendable {
    public var ref: String
    public var question: Question
    /// The scenario the question is a step of (its opening is shown for context).
    public var scenario: Scenario?
    public var competencies: [String]
}

/// What the planner knows of a ref's memory: when it is due and how stable it is.
public struct ReviewMemory: Sendable, Hashable {
    public var due: Date
    public var stability: Double

    public init(due: Date, stability: Double) {
        self.due = due
        self.stability = stability
    }
}

/// Turns due refs into the questions of a review session, weakest competency first.
public enum ReviewPlanner {
    /// The question a ref names in `bank`: `SCENARIO/STEP` or `QUIZ/QUESTION`.
    public static func resolve(_ ref: String, in bank: Bank) -> ReviewItem? {
        let parts = ref.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let owner = String(parts[0])
        let id = String(parts[1])
        if let scenario = bank.scenario(owner), let step = scenario.step(id) {
            return ReviewItem(
                ref: ref, question: step, scenario: scenario,
                competencies: scenario.competencies(of: step))
        }
        if let quiz = bank.quiz(owner),
            let question = quiz.inlineQuestions.first(where: { $0.id.value == id })
        {
            return ReviewItem(
                ref: ref, question: question, scenario: nil,
                competencies: question.competencies.map(\.value))
        }
        return nil
    }

    /// The due refs (those in `memory` due at `now`) as questions, ordered by competency from
    /// the weakest to the strongest, and within a competency the longest overdue first. The
    /// weakest has the lowest `mastery` (as `Mastery.byCompetency` gives it, the figure the
    /// dashboard shows; a competency not yet measured counts as 0), then the lowest mean
    /// stability over every ref the learner has of it, then comes first in the bank. A question
    /// of several competencies goes with its weakest. Refs the bank no longer has are returned
    /// apart.
    public static func plan(
        memory: [String: ReviewMemory], mastery: [String: Double] = [:], now: Date, bank: Bank,
        limit: Int? = nil
    ) -> (items: [ReviewItem], missing: [String]) {
        var strengthSum: [String: Double] = [:]
        var strengthCount: [String: Int] = [:]
        var resolved: [String: ReviewItem] = [:]
        var missing: [String] = []
        for ref in memory.keys.sorted() {
            guard let item = resolve(ref, in: bank) else {
                if let state = memory[ref], state.due <= now { missing.append(ref) }
                continue
            }
            resolved[ref] = item
            for competency in item.competencies {
                strengthSum[competency, default: 0] += memory[ref]?.stability ?? 0
                strengthCount[competency, default: 0] += 1
            }
        }
        func strength(_ competency: String) -> Double {
            guard let count = strengthCount[competency], count > 0 else { return 0 }
            return (strengthSum[competency] ?? 0) / Double(count)
        }
        let order = bank.competencies.map(\.id)
        func rank(_ competency: String) -> (Double, Double, Int, String) {
            (
                mastery[competency] ?? 0, strength(competency),
                order.firstIndex(of: competency) ?? order.count, competency
            )
        }
        func weakest(_ item: ReviewItem) -> (Double, Double, Int, String) {
            item.competencies.map(rank).min { $0 < $1 }
                ?? (Double.infinity, Double.infinity, Int.max, "")
        }
        let due = resolved.values.filter { (memory[$0.ref]?.due ?? .distantFuture) <= now }
        var sorted = due.sorted { a, b in
            let ra = weakest(a)
            let rb = weakest(b)
            if ra != rb { return ra < rb }
            let da = memory[a.ref]?.due ?? now
            let db = memory[b.ref]?.due ?? now
            if da != db { return da < db }
            return a.ref < b.ref
        }
        if let limit, sorted.count > limit { sorted = Array(sorted.prefix(limit)) }
        return (sorted, missing)
    }
}
