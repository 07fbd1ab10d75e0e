import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// Everything the store keeps about one learner: every attempt and the memory state per ref.
public struct LearnerProgress: Sendable, Codable, Hashable {
    public static let formatName = "rehearse-progress"
    /// The version this build writes. Older files are migrated on read; newer ones are refused.
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var learner: String
    /// Every attempt, finished or not, in the order first recorded.
    public var attempts: [AttemptRecord]
    /// The FSRS memory state per question ref.
    public var items: [String: MemoryState]
    /// The latest answers given in `rehearse review`, as many as `Mastery` counts; absent in
    /// files written before review answers counted toward mastery.
    public var reviewAnswers: [ReviewAnswer]?
    /// What a trainer set for the learner (a time factor); absent unless set.
    public var profile: LearnerProfile?

    public init(learner: String, attempts: [AttemptRecord] = [], items: [String: MemoryState] = [:])
    {
        format = Self.formatName
        version = Self.currentVersion
        self.learner = learner
        self.attempts = attempts
        self.items = items
    }

    /// Refs due at a time, soonest (most overdue) first.
    public func due(at time: Date) -> [String] {
        items.filter { $0.value.due <= time }
            .sorted { ($0.value.due, $0.key) < ($1.value.due, $1.key) }
            .map(\.key)
    }

    /// Refs not yet due, soonest first.
    public func upcoming(after time: Date) -> [String] {
        items.filter { $0.value.due > time }
            .sorted { ($0.value.due, $0.key) < ($1.value.due, $1.key) }
            .map(\.key)
    }

    /// Adds an attempt, or replaces the one with the same id in its place.
    public mutating func upsert(_ attempt: AttemptRecord) {
        if let index = attempts.firstIndex(where: { $0.id == attempt.id }) {
            attempts[index] = attempt
        } else {
            attempts.append(attempt)
        }
    }

    /// Keeps review answers for mastery, dropping those it no longer needs.
    public mutating func log(_ answers: [ReviewAnswer]) {
        guard !answers.isEmpty else { return }
        reviewAnswers = Mastery.kept((reviewAnswers ?? []) + answers)
    }

    /// Applies reviews in time order. A review no later than the ref's last review counts as
    /// already applied and is skipped, so recording the same answers twice changes nothing.
    public mutating func apply(_ reviews: [ReviewEvent], scheduler: FSRS = FSRS()) {
        let ordered = reviews.enumerated().sorted {
            ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
        }
        for (_, review) in ordered {
            let state = items[review.ref]
            if let state, FSRS.wholeSecond(review.at) <= state.lastReview { continue }
            items[review.ref] = scheduler.review(state, rating: review.rating, at: review.at)
        }
    }
}
