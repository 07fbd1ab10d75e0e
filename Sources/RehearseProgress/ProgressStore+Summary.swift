import Foundation
import RehearseCore

/// The trainer's summary of a data folder (`progress --all`), served from `SummaryIndex` where
/// the learner files have not changed since it was written.
extension ProgressStore {
    /// Where the summary index is kept.
    var summaryIndexPath: String {
        path(path(directory, "cache"), "progress-summary.index")
    }

    /// The summary of every learner; a learner whose file cannot be read gets a row with the
    /// error. Rows of unchanged files come from the summary index; the others are read (on all
    /// cores) and the index is rewritten when it changed. Rows equal those of `report`.
    public func summary(at now: Date) throws(ProgressError) -> [LearnerSummary] {
        try summary(at: now, fileClock: Date())
    }

    /// `summary(at:)` with the clock the file system stamps files with (tests set it ahead),
    /// or, with `useIndex` false, every file read and nothing cached.
    func summary(at now: Date, fileClock: Date, useIndex: Bool = true) throws(ProgressError)
        -> [LearnerSummary]
    {
        let learners = try learners()
        guard useIndex else { return learners.map { row(of: $0, at: now) } }
        let inProgress = learnersWithAttemptsInProgress()
        let old = loadSummaryIndex()
        var fresh = SummaryIndex()
        var rows = [LearnerSummary?](repeating: nil, count: learners.count)
        var toRead: [Int] = []
        for (offset, learner) in learners.enumerated() {
            if inProgress.contains(learner) {
                toRead.append(offset)
                continue
            }
            let identity = SummaryIndex.Identity(path: path(progressFolder, learner + ".json"))
            if let identity, let entry = old.entries[learner], entry.identity == identity {
                rows[offset] = entry.summary(learner: learner, at: now)
                fresh.entries[learner] = entry
            } else {
                toRead.append(offset)
            }
        }
        let settled = fileClock.timeIntervalSince1970 - SummaryIndex.racyWindow
        let read = parallelMap(toRead) { offset -> (LearnerSummary, SummaryIndex.Entry?) in
            let learner = learners[offset]
            if inProgress.contains(learner) { return (row(of: learner, at: now), nil) }
            return readEntry(learner, at: now, settled: settled)
        }
        for (offset, (row, entry)) in zip(toRead, read) {
            rows[offset] = row
            if let entry { fresh.entries[learners[offset]] = entry }
        }
        if fresh != old { saveSummaryIndex(fresh) }
        return rows.compactMap { $0 }
    }

    /// The row of a learner computed from their whole progress (the rule the index caches).
    private func row(of learner: String, at now: Date) -> LearnerSummary {
        do throws(ProgressError) {
            return LearnerSummary(try report(learner: learner, at: now))
        } catch {
            return LearnerSummary(unreadable: learner, error: error)
        }
    }

    /// A learner's file read; its entry is returned for the index only when the file did not
    /// change while it was read and was last changed before `settled`.
    private func readEntry(_ learner: String, at now: Date, settled: Double)
        -> (LearnerSummary, SummaryIndex.Entry?)
    {
        let target = path(progressFolder, learner + ".json")
        let before = SummaryIndex.Identity(path: target)
        let loaded: Loaded
        do throws(ProgressError) {
            loaded = try read(learner)
        } catch {
            return (LearnerSummary(unreadable: learner, error: error), nil)
        }
        guard let before, loaded.exists else {
            return (LearnerSummary(ProgressReport(loaded.progress, at: now)), nil)
        }
        let entry = SummaryIndex.Entry(loaded.progress, identity: before)
        let row = entry.summary(learner: learner, at: now)
        guard SummaryIndex.Identity(path: target) == before, before.latest < settled else {
            return (row, nil)
        }
        return (row, entry)
    }

    /// Learners with a file of an attempt in progress (their rows are never cached).
    private func learnersWithAttemptsInProgress() -> Set<String> {
        var found = Set<String>()
        for name in (try? entries(of: path(progressFolder, "unfinished"))) ?? [] {
            let names = (try? entries(of: unfinishedFolder(name))) ?? []
            if names.contains(where: Self.isInProgressFile) { found.insert(name) }
        }
        return found
    }

    /// The index on disk; empty when there is none or it is damaged.
    func loadSummaryIndex() -> SummaryIndex {
        guard let data = try? file.read(summaryIndexPath, limit: 1 << 30),
            let index = SummaryIndex(bytes: Array(data))
        else { return SummaryIndex() }
        return index
    }

    /// Writes the index durably, under its own lock; a failure (a read-only data folder) only
    /// means the next run reads the files again.
    private func saveSummaryIndex(_ index: SummaryIndex) {
        let folder = (summaryIndexPath as NSString).deletingLastPathComponent
        try? file.makeFolder(folder)
        try? FileLock.withExclusiveLock(
            path(folder, ".progress-summary.lock"), operations: operations
        ) {
            () throws(ProgressError) in
            file.removeStaleTemps(in: folder, for: "progress-summary.index")
            try file.replace(summaryIndexPath, with: Data(index.bytes))
        }
    }
}

extension LearnerSummary {
    init(
        learner: String, attempts: Int, quizzes: Int, quizzesPassed: Int, lastActivity: Date?,
        mastery: Double?, dueNow: Int
    ) {
        self.learner = learner
        self.attempts = attempts
        self.quizzes = quizzes
        self.quizzesPassed = quizzesPassed
        self.lastActivity = lastActivity
        self.mastery = mastery
        self.dueNow = dueNow
        error = nil
    }
}
