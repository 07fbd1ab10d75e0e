import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

/// The progress store as the session commands use it: attempts, unfinished attempts, reviews
/// for spaced repetition, and the learner's line history. Called on the main thread only (the
/// store is synchronous and locks files).
struct ProgressBridge {
    let store: ProgressStore

    init(flag: String?) {
        store = ProgressStore(
            directory: DataDirectory.resolve(
                flag: flag, environment: ProcessInfo.processInfo.environment))
    }

    /// A finished or timed-out attempt, with its practice answers as reviews.
    func finish(_ record: AttemptRecord, reviews: [ReviewedAnswer]) throws(ProgressError) {
        try store.record(record, reviews: reviews.map(Self.event))
    }

    func saveUnfinished(_ record: AttemptRecord) throws(ProgressError) {
        try store.saveUnfinished(record)
    }

    func unfinished(learner: String, quiz: String) throws(ProgressError) -> AttemptRecord? {
        try store.unfinished(learner: learner, quiz: quiz)
    }

    func review(learner: String, _ reviews: [ReviewedAnswer]) throws(ProgressError) {
        try store.review(learner: learner, reviews.map(Self.event))
    }

    func load(learner: String) throws(ProgressError) -> LearnerProgress {
        try store.load(learner: learner)
    }

    func historyPath(learner: String) -> String { store.historyPath(learner: learner) }

    /// Where `take` keeps the pool index of a bank (a cache: see `PoolIndex`).
    func poolIndexPath(bank root: String) -> String {
        let name = ContentHash.of(Array(BankDirectory.absolute(root).utf8))
            .replacingOccurrences(of: "fnv1a64:", with: "")
        return (store.directory as NSString).appendingPathComponent("cache/pools-\(name).tsv")
    }

    /// The learner's progress file, for "saved to ...".
    func displayFile(learner: String) -> String {
        (try? store.progressPath(learner: learner)) ?? store.progressFolder
    }

    static func event(_ answer: ReviewedAnswer) -> ReviewEvent {
        ReviewEvent(ref: answer.ref, rating: Rating.from(answer.score), at: answer.at)
    }
}
