import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring
@testable import RehearseSession

@Suite struct ReviewSessionTests {
    typealias F = SessionFixtures

    static var bank: Bank {
        ScoringFixtures.bank([
            "scenarios/late-delivery.yaml": F.scenario, "quizzes/every-kind.yaml": F.quiz(),
        ])
    }

    func memory(_ due: Date, _ stability: Double) -> ReviewMemory {
        ReviewMemory(due: due, stability: stability)
    }

    @Test func refsResolveToStepsAndInlineQuestions() throws {
        let step = try #require(ReviewPlanner.resolve("late-delivery/lookup", in: Self.bank))
        #expect(step.question.kind == .number)
        #expect(step.scenario?.id.value == "late-delivery")
        #expect(step.competencies == ["product-knowledge"])
        let inline = try #require(ReviewPlanner.resolve("every-kind/tf", in: Self.bank))
        #expect(inline.scenario == nil)
        #expect(inline.competencies == ["empathy"])
        #expect(ReviewPlanner.resolve("nope/tf", in: Self.bank) == nil)
        #expect(ReviewPlanner.resolve("every-kind", in: Self.bank) == nil)
    }

    @Test func dueQuestionsComeWeakestCompetencyFirstThenMostOverdue() {
        let now = F.start
        let memory: [String: ReviewMemory] = [
            // empathy: strong (mean stability 20)
            "every-kind/tf": memory(now.addingTimeInterval(-3600), 20),
            "every-kind/steps": memory(now.addingTimeInterval(-60), 20),
            // product-knowledge: weak (mean stability 1.5)
            "every-kind/name": memory(now.addingTimeInterval(-60), 1),
            "every-kind/pick": memory(now.addingTimeInterval(-7200), 2),
            "late-delivery/lookup": memory(now.addingTimeInterval(86_400), 1.5),  // not due
            // above-and-beyond: middling (5)
            "every-kind/rating": memory(now.addingTimeInterval(-10), 5),
            "gone/question": memory(now.addingTimeInterval(-10), 1),
        ]
        let planned = ReviewPlanner.plan(memory: memory, now: now, bank: Self.bank)
        #expect(
            planned.items.map(\.ref) == [
                "every-kind/pick", "every-kind/name", "every-kind/rating", "every-kind/tf",
                "every-kind/steps",
            ])
        #expect(planned.missing == ["gone/question"])
        let limited = ReviewPlanner.plan(memory: memory, now: now, bank: Self.bank, limit: 2)
        #expect(limited.items.map(\.ref) == ["every-kind/pick", "every-kind/name"])
    }

    @Test func aReviewSessionScoresEachAnswerAsAReview() throws {
        let items = ["every-kind/tf", "late-delivery/lookup", "late-delivery/greet"].compactMap {
            ReviewPlanner.resolve($0, in: Self.bank)
        }
        var session = ReviewSession(items: items, seed: 3)
        let opening = session.start(at: F.start)
        #expect(F.asked(opening)?.ref == "every-kind/tf")
        let unreadable = session.handle("perhaps", at: F.start)
        guard case .unreadable? = unreadable.first else {
            Issue.record("expected unreadable")
            return
        }
        #expect(session.reviews.isEmpty)
        let second = session.handle("no", at: F.start.addingTimeInterval(5))
        #expect(F.feedback(second)?.score.outcome == .wrong)
        #expect(session.lastReview?.ref == "every-kind/tf")
        #expect(session.lastReview?.at == F.start.addingTimeInterval(5))
        // A step out of its scenario comes with the scenario's opening, once.
        #expect(second.contains { if case .scenario = $0 { return true } else { return false } })
        let third = session.handle("5", at: F.start)
        #expect(!third.contains { if case .scenario = $0 { return true } else { return false } })
        let end = session.handle(":skip", at: F.start)
        guard case .reviewFinished(let summary)? = end.last else {
            Issue.record("expected the end")
            return
        }
        #expect(summary.answered == 2)
        #expect(summary.correct == 1)
        #expect(summary.revisit.map(\.ref) == ["every-kind/tf"])
        #expect(!summary.leftEarly)
        #expect(session.finished)
        #expect(session.reviews.count == 2)
    }

    @Test func leavingAReviewKeepsWhatWasAnswered() {
        let items = ["every-kind/tf", "every-kind/name"].compactMap {
            ReviewPlanner.resolve($0, in: Self.bank)
        }
        var session = ReviewSession(items: items, seed: 1)
        _ = session.start(at: F.start)
        _ = session.handle("true", at: F.start)
        let events = session.leave(at: F.start)
        guard case .reviewFinished(let summary)? = events.first else {
            Issue.record("expected the end")
            return
        }
        #expect(summary.leftEarly)
        #expect(summary.answered == 1)
        #expect(session.reviews.map(\.ref) == ["every-kind/tf"])
    }

    @Test func anEmptyReviewEndsAtOnce() {
        var session = ReviewSession(items: [], seed: 1)
        guard case .reviewFinished(let summary)? = session.start(at: F.start).first else {
            Issue.record("expected the end")
            return
        }
        #expect(summary.answered == 0)
    }
}
