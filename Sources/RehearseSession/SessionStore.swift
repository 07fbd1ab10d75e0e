import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The progress store as sessions use it: attempts, unfinished attempts, reviews for spaced
/// repetition, the learner's line history and the pool index of a bank. Called on one thread
/// (the store is synchronous and locks files).
public struct SessionStore: Sendable {
    /// The learner store underneath.
    public let store: ProgressStore

    /// Sessions saving to `store`.
    public init(_ store: ProgressStore) {
        self.store = store
    }

    /// A finished or timed-out attempt, with its practice answers as reviews.
    public func finish(_ record: AttemptRecord, reviews: [ReviewedAnswer]) throws(ProgressError) {
        try store.record(record, reviews: reviews.map(Self.event))
    }

    /// The attempt in progress, kept for `--resume`: written whole (compacted).
    public func saveUnfinished(_ record: AttemptRecord) throws(ProgressError) {
        try store.saveUnfinished(record)
    }

    /// The attempt in progress after an answer: only what changed since `cursor` is appended,
    /// so a save costs the same at every question.
    public func saveUnfinished(_ record: AttemptRecord, cursor: inout UnfinishedCursor)
        throws(ProgressError)
    {
        try store.saveUnfinished(record, cursor: &cursor)
    }

    /// The latest unfinished attempt of a learner at a quiz, if one is kept.
    public func unfinished(learner: String, quiz: String) throws(ProgressError) -> AttemptRecord? {
        try store.unfinished(learner: learner, quiz: quiz)
    }

    /// Every unfinished attempt of a learner at a quiz, oldest first.
    public func unfinishedAttempts(learner: String, quiz: String) throws(ProgressError)
        -> [AttemptRecord]
    {
        try store.unfinishedAttempts(learner: learner, quiz: quiz)
    }

    /// Answers of a review session, each scheduling its question again and counting toward the
    /// mastery of its competencies (`Mastery`).
    public func review(learner: String, _ reviews: [ReviewedAnswer]) throws(ProgressError) {
        try store.review(
            learner: learner, reviews.map(Self.event),
            answers: reviews.map {
                ReviewAnswer(
                    ref: $0.ref, at: $0.at, score: $0.score.earned, max: $0.score.max,
                    competencies: $0.competencies)
            })
    }

    /// The learner's progress.
    public func load(learner: String) throws(ProgressError) -> LearnerProgress {
        try store.load(learner: learner)
    }

    /// Where the learner's line history is kept.
    public func historyPath(learner: String) -> String { store.historyPath(learner: learner) }

    /// Where `take` keeps the pool index of a bank (a cache: see `PoolIndex`).
    public func poolIndexPath(bank root: String) -> String {
        let name = ContentHash.of(Array(BankDirectory.absolute(root).utf8))
            .replacingOccurrences(of: "fnv1a64:", with: "")
        return (store.directory as NSString).appendingPathComponent("cache/pools-\(name).tsv")
    }

    /// The learner's progress file, for "saved to ...".
    public func displayFile(learner: String) -> String {
        (try? store.progressPath(learner: learner)) ?? store.progressFolder
    }

    static func event(_ answer: ReviewedAnswer) -> ReviewEvent {
        ReviewEvent(ref: answer.ref, rating: Rating.from(answer.score), at: answer.at)
    }
}
