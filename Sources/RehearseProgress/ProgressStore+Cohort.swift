import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What to record for one learner in a cohort write.
public struct LearnerRecording: Sendable {
    public var attempts: [AttemptRecord]
    public var reviews: [ReviewEvent]

    public init(attempts: [AttemptRecord], reviews: [ReviewEvent]) {
        self.attempts = attempts
        self.reviews = reviews
    }
}

/// Recording a whole cohort (`grade --update-progress`): the same promise as `record` for each
/// learner, with the flushes grouped.
///
/// Learners are taken in groups (`cohortGroup`, in id order). For a group, every learner's
/// lock is taken (in id order, so two cohort writers cannot deadlock, and a `take` of one of
/// these learners waits for the group as it would for one write); each file is re-read, merged
/// and encoded (on all cores); every temp file is written and flushed (on many threads, so the
/// flushes share journal commits); then each old file is kept as its backup and each temp file
/// renamed over it; then the folder is flushed once, and the locks are released. A kill at any
/// instant leaves each learner's file old or new: no file is renamed before its bytes are on
/// disk, and a rename is atomic.
extension ProgressStore {
    /// How many learners one group holds (two descriptors each, for the lock and the temp file).
    static let cohortGroup = 256
    /// How many threads flush temp files at once.
    static let flushThreads = 16

    /// Records each learner's attempts and reviews, as `recordAll` does for one learner, in
    /// grouped writes; returns how many learners were written. Every recording is checked before
    /// anything is written; a file that cannot be read or written stops the write with its
    /// error (groups already written stay written).
    @discardableResult
    public func recordCohort(_ recordings: [LearnerRecording]) throws(ProgressError) -> Int {
        var byLearner: [String: LearnerRecording] = [:]
        let present = now()
        for recording in recordings {
            guard let first = recording.attempts.first else { continue }
            let id = try Self.learnerID(first.learner)
            for attempt in recording.attempts {
                guard try Self.learnerID(attempt.learner) == id else {
                    throw ProgressError(
                        path: attempt.learner,
                        reason: "a recording takes attempts of one learner", kind: .invalidID)
                }
                _ = try Self.quizID(attempt.quiz)
                try checkRecordable(attempt, present: present)
            }
            try checkNotFuture(recording.reviews.map(\.at), what: "a review", present: present)
            byLearner[id, default: LearnerRecording(attempts: [], reviews: [])].attempts +=
                recording.attempts
            byLearner[id]?.reviews += recording.reviews
        }
        guard !byLearner.isEmpty else { return 0 }
        try file.makeFolder(progressFolder)
        let ids = byLearner.keys.sorted()
        // Only temp files can be stale temps: the folder (which holds every learner's files) is
        // listed once and narrowed to them, not listed again for each group, which made a
        // cohort of 100,000 learners quadratic. A name listed here is removed only under its
        // learner's lock; a live writer's temp is gone by then (it held that lock), and one left
        // by a writer killed after the listing is removed at the learner's next write.
        let temps = (try? FileManager.default.contentsOfDirectory(atPath: progressFolder))?
            .filter { $0.contains(DurableFile.tempMarker) }
        var start = 0
        while start < ids.count {
            let group = Array(ids[start..<min(ids.count, start + Self.cohortGroup)])
            try writeGroup(
                group.map { ($0, byLearner[$0] ?? LearnerRecording(attempts: [], reviews: [])) },
                temps: temps)
            start += group.count
        }
        // The attempts are safe in the learners' files: clearing their in-progress copies is
        // tidying, and a failure there must not make the caller think an attempt was lost.
        for (id, recording) in byLearner {
            for attempt in recording.attempts where attempt.status != .unfinished {
                try? discardUnfinished(endedBy: attempt, learner: id)
            }
        }
        return ids.count
    }

    /// One group of learners, under all their locks, flushed together.
    private func writeGroup(
        _ group: [(id: String, recording: LearnerRecording)], temps entries: [String]?
    ) throws(ProgressError) {
        var locks: [Int32] = []
        defer {
            for fd in locks.reversed() {
                _ = flock(fd, LOCK_UN)
                _ = close(fd)
            }
        }
        for (id, _) in group {
            locks.append(try FileLock.acquire(lockPath(id), operations: operations))
        }
        for (id, _) in group { removeStaleTemps(of: id, among: entries) }
        let prepared = parallelMap(group) { id, recording in
            Result<PreparedWrite, ProgressError>(catching: {
                () throws(ProgressError) -> PreparedWrite in
                try prepareWrite(id) { progress in
                    for var attempt in recording.attempts {
                        attempt.learner = id
                        progress.upsert(attempt)
                    }
                    progress.apply(recording.reviews, scheduler: scheduler)
                }
            })
        }
        var writes: [PreparedWrite] = []
        for result in prepared { writes.append(try result.get()) }
        let flushed = Mutex(
            [Result<DurableFile.Pending, ProgressError>?](repeating: nil, count: writes.count))
        let file = self.file
        let shared = writes
        BlockingWork.forEach(count: shared.count, threads: Self.flushThreads) { index in
            let write = shared[index]
            let result = Result<DurableFile.Pending, ProgressError>(catching: {
                () throws(ProgressError) -> DurableFile.Pending in
                try file.flushedTemp(
                    for: write.target, with: write.data, backup: write.target + ".bak")
            })
            flushed.withLock { $0[index] = result }
        }
        let results = flushed.withLock { $0 }
        var pending: [DurableFile.Pending] = []
        var failure: ProgressError?
        for result in results {
            switch result {
            case .success(let temp)?: pending.append(temp)
            case .failure(let error)?: failure = failure ?? error
            case nil: break
            }
        }
        if let failure {
            for temp in pending { _ = unlink(temp.temp) }
            throw failure
        }
        for (offset, temp) in pending.enumerated() {
            do throws(ProgressError) {
                try keepOriginal(of: writes[offset])
                try file.commit(temp)
            } catch {
                for rest in pending[(offset + 1)...] { _ = unlink(rest.temp) }
                // What was renamed must still survive a power cut.
                try? file.syncFolder(progressFolder)
                throw error
            }
        }
        try file.syncFolder(progressFolder)
    }
}
