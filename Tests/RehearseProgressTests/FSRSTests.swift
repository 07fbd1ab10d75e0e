import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

/// The scheduler against vectors from the reference implementation (`scripts/fsrs-vectors.py`).
@Suite struct FSRSTests {
    struct Vectors: Decodable {
        struct Scheduler: Decodable {
            var parameters: [Double]
            var desiredRetention: Double
            var maximumInterval: Int
        }
        struct Card: Decodable {
            var card: String
            var reviews: [Review]
        }
        struct Review: Decodable {
            var rating: Int
            var at: Date
            var stability: Double
            var difficulty: Double
            var due: Date
        }
        var scheduler: Scheduler
        var reviewCount: Int
        var cards: [Card]
    }

    static func vectors() throws -> Vectors {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fsrs-vectors.json")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Vectors.self, from: Data(contentsOf: url))
    }

    @Test func theDefaultsAreTheReferenceScheduler() throws {
        let vectors = try Self.vectors()
        let scheduler = FSRS()
        #expect(scheduler.weights == vectors.scheduler.parameters)
        #expect(scheduler.desiredRetention == vectors.scheduler.desiredRetention)
        #expect(scheduler.maximumInterval == vectors.scheduler.maximumInterval)
    }

    @Test func everyStoredReviewIsReproduced() throws {
        let vectors = try Self.vectors()
        let scheduler = FSRS()
        var compared = 0
        var ratings = Set<Rating>()
        var sameDay = 0
        for card in vectors.cards {
            var state: MemoryState?
            for (index, expected) in card.reviews.enumerated() {
                let rating = try #require(Rating(rawValue: expected.rating))
                ratings.insert(rating)
                if let state, FSRS.wholeDays(from: state.lastReview, to: expected.at) < 1 {
                    sameDay += 1
                }
                let next = scheduler.review(state, rating: rating, at: expected.at)
                let place = "\(card.card) review \(index + 1)"
                #expect(abs(next.stability - expected.stability) < 1e-3, "\(place) stability")
                #expect(abs(next.difficulty - expected.difficulty) < 1e-3, "\(place) difficulty")
                #expect(next.due == expected.due, "\(place) due")
                #expect(next.lastReview == expected.at)
                #expect(next.reps == index + 1)
                state = next
                compared += 1
            }
        }
        #expect(compared == vectors.reviewCount)
        #expect(compared >= 200)
        #expect(ratings == Set(Rating.allCases))
        #expect(sameDay > 10, "the vectors must cover same-day reviews")
    }

    @Test func ratingsFromScores() {
        #expect(Rating.from(QuestionScore(earned: 0, max: 2, outcome: .wrong)) == .again)
        #expect(Rating.from(QuestionScore.unanswered(max: 1)) == .again)
        #expect(Rating.from(QuestionScore(earned: 1, max: 2, outcome: .partial)) == .hard)
        #expect(Rating.from(QuestionScore(earned: 2, max: 2, outcome: .correct)) == .good)
    }

    @Test func lapsesCountAgainAfterTheFirstReview() {
        let scheduler = FSRS()
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        var state = scheduler.review(nil, rating: .again, at: start)
        #expect(state.lapses == 0)
        state = scheduler.review(state, rating: .again, at: start.addingTimeInterval(86_400 * 3))
        #expect(state.lapses == 1)
        #expect(state.reps == 2)
    }

    @Test func intervalsRoundHalfToEvenAndStayInRange() {
        let scheduler = FSRS()
        #expect(scheduler.intervalDays(stability: 0.001) == 1)
        #expect(scheduler.intervalDays(stability: 1e9) == 36_500)
        // At retention 0.9 the interval equals the stability.
        #expect(scheduler.intervalDays(stability: 2.5) == 2)
        #expect(scheduler.intervalDays(stability: 3.5) == 4)
    }
}
