import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Attempts in progress: one log per attempt (`UnfinishedLog`) in
/// `progress/unfinished/LEARNER/`, named `QUIZ~ATTEMPT.log`, so two attempts at one quiz (a
/// second `take`, two shells at once) never overwrite each other. Files `QUIZ.json` of older
/// builds (one attempt per quiz) are still read and cleared.
extension ProgressStore {
    /// Whether a file of the unfinished folder holds an attempt in progress.
    static func isInProgressFile(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".log") || name.hasSuffix(".json"))
    }

    /// The part of a log's name that stands for the attempt: its id when that is a safe file
    /// name, else a hash of it.
    static func attemptKey(_ id: String) -> String {
        if let safe = try? quizID(id) { return safe }
        return "h" + ContentHash.of(Array(id.utf8)).replacingOccurrences(of: "fnv1a64:", with: "")
    }

    /// The log of one attempt in progress.
    public func unfinishedLogPath(learner: String, quiz: String, attempt: String)
        throws(ProgressError) -> String
    {
        let id = try Self.learnerID(learner)
        return path(
            unfinishedFolder(id), try Self.quizID(quiz) + "~" + Self.attemptKey(attempt) + ".log")
    }

    /// Saves the attempt in progress whole (a compacted log), durably; the learner's big file is
    /// not touched.
    public func saveUnfinished(_ attempt: AttemptRecord) throws(ProgressError) {
        var cursor = UnfinishedCursor()
        try saveUnfinished(attempt, cursor: &cursor)
    }

    /// Saves the attempt in progress, appending to its log only what changed since `cursor`
    /// (the answers given since): the cost of a save does not grow with the attempt. The log is
    /// rewritten whole when the cursor is fresh, of another attempt, or the log changed
    /// meanwhile. A failed append is undone, so the log never keeps half a line.
    public func saveUnfinished(_ attempt: AttemptRecord, cursor: inout UnfinishedCursor)
        throws(ProgressError)
    {
        var attempt = attempt
        attempt.learner = try Self.learnerID(attempt.learner)
        let target = try unfinishedLogPath(
            learner: attempt.learner, quiz: attempt.quiz, attempt: attempt.id)
        let folder = (target as NSString).deletingLastPathComponent
        try file.makeFolder(folder)
        let current = cursor
        let saved: UnfinishedCursor = try FileLock.withExclusiveLock(
            path(folder, ".lock"), operations: operations
        ) { () throws(ProgressError) -> UnfinishedCursor in
            var info = stat()
            if current.attemptID == attempt.id, lstat(target, &info) == 0,
                (info.st_mode & S_IFMT) == S_IFREG, Int64(info.st_size) == current.size,
                let lines = try? UnfinishedLog.appended(attempt, after: current)
            {
                try append(lines, to: target, size: current.size)
                return .after(attempt, size: current.size + Int64(lines.count))
            }
            let data: Data
            do {
                data = try UnfinishedLog.compacted(attempt)
            } catch {
                throw ProgressError(path: target, reason: "cannot encode the attempt: \(error)")
            }
            file.removeStaleTemps(in: folder, for: (target as NSString).lastPathComponent)
            try file.replace(target, with: data, mode: 0o600)
            return .after(attempt, size: Int64(data.count))
        }
        cursor = saved
    }

    /// Appends bytes to a log durably; on failure the log is cut back to `size`.
    private func append(_ data: Data, to target: String, size: Int64) throws(ProgressError) {
        let fd = retryingEINTR {
            operations.open(target, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        }
        guard fd >= 0 else {
            throw file.failure(target, "cannot be opened to save the answer", errno)
        }
        defer { _ = close(fd) }
        do throws(ProgressError) {
            try file.writeAll(fd, data, path: target)
            if retryingEINTR({ operations.fsync(fd) }) != 0 {
                throw file.failure(target, "cannot be flushed to disk", errno)
            }
        } catch {
            _ = ftruncate(fd, off_t(size))
            throw error
        }
    }

    /// Every attempt in progress at a quiz, oldest first (by start time).
    public func unfinishedAttempts(learner: String, quiz: String) throws(ProgressError)
        -> [AttemptRecord]
    {
        let id = try Self.learnerID(learner)
        let quizID = try Self.quizID(quiz)
        var byID: [String: AttemptRecord] = [:]
        for (_, read) in inProgressFiles(of: id, quiz: quizID) {
            let attempt = try read.get()
            if let held = byID[attempt.id], held.answers.count > attempt.answers.count { continue }
            byID[attempt.id] = attempt
        }
        return byID.values.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    }

    /// The latest attempt in progress at a quiz, if one was saved and not cleared.
    public func unfinished(learner: String, quiz: String) throws(ProgressError) -> AttemptRecord? {
        try unfinishedAttempts(learner: learner, quiz: quiz).last
    }

    /// Forgets every attempt in progress at a quiz (the learner starts afresh).
    public func discardUnfinished(learner: String, quiz: String) throws(ProgressError) {
        let id = try Self.learnerID(learner)
        let quizID = try Self.quizID(quiz)
        try removeInProgress(of: id) { name, _ in
            name == quizID + ".json" || name.hasPrefix(quizID + "~")
        }
    }

    /// Clears the log of an attempt that ended (and an older build's file of its quiz, unless
    /// that holds an attempt started later).
    func discardUnfinished(endedBy ended: AttemptRecord, learner id: String) throws(ProgressError) {
        let quizID = try Self.quizID(ended.quiz)
        let log = quizID + "~" + Self.attemptKey(ended.id) + ".log"
        try removeInProgress(of: id) { name, read in
            if name == log { return true }
            guard name == quizID + ".json" else { return false }
            guard case .success(let saved)? = read() else { return true }
            return saved.id == ended.id || saved.startedAt <= ended.startedAt
        }
    }

    private func removeInProgress(
        of id: String, where matches: (String, () -> Result<AttemptRecord, ProgressError>?) -> Bool
    ) throws(ProgressError) {
        let folder = unfinishedFolder(id)
        guard FileManager.default.fileExists(atPath: folder) else { return }
        try FileLock.withExclusiveLock(path(folder, ".lock"), operations: operations) {
            () throws(ProgressError) in
            var removed = false
            for name in try entries(of: folder) where Self.isInProgressFile(name) {
                let target = path(folder, name)
                guard matches(name, { readInProgress(target) }) else { continue }
                if unlink(target) != 0 && errno != ENOENT {
                    throw file.failure(target, "cannot be removed", errno)
                }
                removed = true
            }
            if removed { try file.syncFolder(folder) }
        }
    }

    /// The files of attempts in progress of a learner (of one quiz, when given), each read.
    func inProgressFiles(of id: String, quiz: String?)
        -> [(path: String, read: Result<AttemptRecord, ProgressError>)]
    {
        let folder = unfinishedFolder(id)
        guard let names = try? entries(of: folder) else { return [] }
        return names.sorted().compactMap { name in
            guard Self.isInProgressFile(name) else { return nil }
            if let quiz, name != quiz + ".json", !name.hasPrefix(quiz + "~") { return nil }
            let target = path(folder, name)
            return readInProgress(target).map { (target, $0) }
        }
    }

    /// One in-progress file read and range-checked; nil when it vanished meanwhile.
    private func readInProgress(_ target: String) -> Result<AttemptRecord, ProgressError>? {
        let data: Data
        do {
            guard let read = try file.read(target) else { return nil }
            data = read
        } catch {
            return .failure(error)
        }
        let unreadable = { (reason: String) -> ProgressError in
            ProgressError(
                path: target, reason: "is not a readable attempt (\(reason))", kind: .unreadable)
        }
        if target.hasSuffix(".log") {
            do {
                guard let attempt = try UnfinishedLog.read(data) else { return nil }
                return .success(attempt)
            } catch {
                return .failure(unreadable("\(error)"))
            }
        }
        do {
            let document = try StrictJSON.parse(Array(data))
            try ProgressValidation.checkAttempt(document, at: "the attempt")
        } catch {
            return .failure(unreadable("\(error)"))
        }
        do {
            return .success(try AttemptRecord.makeDecoder().decode(AttemptRecord.self, from: data))
        } catch {
            return .failure(unreadable(ProgressMigration.describe(error)))
        }
    }
}
