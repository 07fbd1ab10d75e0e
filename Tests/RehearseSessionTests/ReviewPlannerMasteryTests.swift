import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseProgress
@testable import RehearseSession

/// The review asks the competency the dashboard shows weakest first, whatever the stabilities.
@Suite struct ReviewPlannerMasteryTests {
    typealias F = SessionFixtures

    @Test func theLowestMasteryComesFirstWhateverTheStability() {
        let now = F.start
        let memory: [String: ReviewMemory] = [
            // empathy: the lowest stabilities (the old order put it first)
            "every-kind/tf": ReviewMemory(due: now - 3600, stability: 1),
            "every-kind/steps": ReviewMemory(due: now - 60, stability: 1),
            // above-and-beyond: a high stability, but the weakest mastery
            "every-kind/rating": ReviewMemory(due: now - 10, stability: 30),
            // product-knowledge: in between
            "every-kind/pick": ReviewMemory(due: now - 7200, stability: 5),
        ]
        let mastery = ["empathy": 40.0, "product-knowledge": 32, "above-and-beyond": 22]
        let planned = ReviewPlanner.plan(
            memory: memory, mastery: mastery, now: now, bank: ReviewSessionTests.bank)
        #expect(
            planned.items.map(\.ref) == [
                "every-kind/rating", "every-kind/pick", "every-kind/tf", "every-kind/steps",
            ])
        let limited = ReviewPlanner.plan(
            memory: memory, mastery: mastery, now: now, bank: ReviewSessionTests.bank, limit: 1)
        #expect(limited.items.map(\.ref) == ["every-kind/rating"])
        // A competency not yet measured counts as the weakest.
        let unmeasured = ReviewPlanner.plan(
            memory: memory, mastery: ["empathy": 40, "above-and-beyond": 22], now: now,
            bank: ReviewSessionTests.bank)
        #expect(unmeasured.items.first?.ref == "every-kind/pick")
    }

    @Test func thePlannerUsesTheDashboardsMastery() {
        // The figures the dashboard shows come from the same function the review start uses.
        var progress = LearnerProgress(learner: "ana")
        progress.log([
            ReviewAnswer(
                ref: "every-kind/rating", at: F.start, score: 0, max: 1,
                competencies: ["above-and-beyond"])
        ])
        let report = ProgressReport(progress, at: F.start)
        #expect(report.competencies.map(\.competency) == ["above-and-beyond"])
        #expect(Mastery.byCompetency(progress) == ["above-and-beyond": 0])
    }
}
