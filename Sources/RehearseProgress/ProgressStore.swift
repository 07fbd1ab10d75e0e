import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The learner store: one JSON file per learner in `DATA/progress`, written durably under an
/// exclusive lock, with a small separate log per attempt in progress.
///
/// Layout (DATA is `DataDirectory.resolve`):
/// - `progress/LEARNER.json`: every attempt and the memory state per ref;
/// - `progress/LEARNER.json.bak`: the previous generation;
/// - `progress/LEARNER.json.vN.bak`: the original of a file migrated from version N;
/// - `progress/.LEARNER.lock`: the stable lock file every writer of the learner takes;
/// - `progress/unfinished/LEARNER/QUIZ~ATTEMPT.log`: each attempt in progress, one line
///   appended per answer (`UnfinishedLog`);
/// - `history/LEARNER.history`: the shell's line history.
///
/// Every method is synchronous and may wait for the learner's lock (another shell writing):
/// call the store from a plain thread (or through `perform`), never from a Swift concurrency
/// pool thread.
public final class ProgressStore: Sendable {
    public let directory: String
    let operations: FileOperations
    let scheduler: FSRS
    var file: DurableFile { DurableFile(operations: operations) }

    /// The present, against which recorded times are checked.
    let now: @Sendable () -> Date

    /// How far past the present a recorded time may be: a clock of another machine a little
    /// ahead, or a session run from a pinned `REHEARSE_NOW` for hours, is not refused.
    public static let futureTolerance: TimeInterval = 86_400

    public init(directory: String) {
        self.directory = directory
        operations = .system
        scheduler = FSRS()
        now = Self.clockNow
    }

    /// A store writing through other system calls (tests inject failures here), with another
    /// present (`REHEARSE_NOW`, else the system clock, by default).
    public init(
        directory: String, operations: FileOperations, scheduler: FSRS = FSRS(),
        now: @escaping @Sendable () -> Date = ProgressStore.clockNow
    ) {
        self.directory = directory
        self.operations = operations
        self.scheduler = scheduler
        self.now = now
    }

    /// `REHEARSE_NOW`, else the system clock.
    public static let clockNow: @Sendable () -> Date = {
        (try? RehearseClock.now().get()) ?? Date()
    }

    // MARK: Paths

    public var progressFolder: String { (directory as NSString).appendingPathComponent("progress") }

    /// The learner's progress file (the id is validated first).
    public func progressPath(learner: String) throws(ProgressError) -> String {
        path(progressFolder, try Self.learnerID(learner) + ".json")
    }

    /// Where the shell keeps the learner's line history; the folder is created when missing.
    /// An invalid id gets a fixed name that cannot leave the folder.
    public func historyPath(learner: String) -> String {
        let folder = (directory as NSString).appendingPathComponent("history")
        try? file.makeFolder(folder)
        let name = (try? Self.learnerID(learner)) ?? "_invalid"
        return path(folder, name + ".history")
    }

    func path(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    func unfinishedFolder(_ id: String) -> String {
        path(path(progressFolder, "unfinished"), id)
    }

    // MARK: Reading

    /// The learner's progress; empty when the learner has no file yet. A file that cannot be
    /// understood throws (and is left as it is); an older version is migrated in memory.
    public func load(learner: String) throws(ProgressError) -> LearnerProgress {
        let id = try Self.learnerID(learner)
        var progress = try read(id).progress
        foldInProgress(into: &progress)
        return progress
    }

    /// Every learner with a progress file or an unfinished attempt, sorted.
    public func learners() throws(ProgressError) -> [String] {
        var found = Set<String>()
        for entry in try entries(of: progressFolder)
        where entry.hasSuffix(".json") && !entry.hasPrefix(".") {
            if case .success(let id) = LearnerID.normalise(String(entry.dropLast(5))),
                id + ".json" == entry
            {
                found.insert(id)
            }
        }
        for entry in try entries(of: path(progressFolder, "unfinished")) {
            if case .success(let id) = LearnerID.normalise(entry), id == entry,
                !((try? entries(of: unfinishedFolder(id)))?.filter(Self.isInProgressFile)
                    .isEmpty ?? true)
            {
                found.insert(id)
            }
        }
        return found.sorted()
    }

    func entries(of folder: String) throws(ProgressError) -> [String] {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            if errno == ENOENT { return [] }
            throw file.failure(folder, "cannot be read", errno)
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ProgressError(path: folder, reason: "cannot be listed")
        }
    }

    struct Loaded {
        var progress: LearnerProgress
        /// The version the file was in, when it was migrated from an older one.
        var migratedFrom: Int?
        var exists: Bool
        /// Members of the file this build does not know, kept on rewrite.
        var unknown = UnknownKeys()
    }

    func read(_ id: String) throws(ProgressError) -> Loaded {
        let progressPath = path(progressFolder, id + ".json")
        guard let data = try file.read(progressPath) else {
            return Loaded(progress: LearnerProgress(learner: id), migratedFrom: nil, exists: false)
        }
        let backup = progressPath + ".bak"
        let backupIfAny = FileManager.default.fileExists(atPath: backup) ? backup : nil
        do {
            let decoded = try ProgressMigration.decode(data, learner: id)
            return Loaded(
                progress: decoded.progress, migratedFrom: decoded.migratedFrom, exists: true,
                unknown: decoded.unknown)
        } catch {
            throw ProgressError(
                path: progressPath, reason: error.reason + "; the file was left untouched",
                kind: .unreadable, backup: backupIfAny)
        }
    }

    /// Adds the attempts saved in progress (`saveUnfinished`) to the learner's attempts, as
    /// unfinished, so that the progress holds every attempt; the next write of the learner's
    /// file keeps them there. An attempt the file already holds as ended is left as it is; one
    /// it holds as unfinished takes the in-progress copy when that has at least as many answers.
    /// An in-progress file that cannot be read is skipped here (`unfinished` reports it).
    private func foldInProgress(into progress: inout LearnerProgress) {
        for (_, read) in inProgressFiles(of: progress.learner, quiz: nil) {
            guard case .success(var attempt) = read else { continue }
            attempt.learner = progress.learner
            attempt.status = .unfinished
            if let held = progress.attempts.first(where: { $0.id == attempt.id }) {
                guard held.status == .unfinished, attempt.answers.count >= held.answers.count
                else { continue }
            }
            progress.upsert(attempt)
        }
    }

    // MARK: Writing

    /// Adds the attempt, or replaces the one with its id, and applies the reviews (FSRS, in
    /// time order): under the learner's lock the file is re-read, merged and written durably,
    /// so two shells of one learner lose nothing. A finished or timed-out attempt clears the
    /// quiz's unfinished file.
    public func record(_ attempt: AttemptRecord, reviews: [ReviewEvent]) throws(ProgressError) {
        try recordAll([attempt], reviews: reviews)
    }

    /// `record` for many attempts of one learner in one write (a cohort import, a benchmark).
    public func recordAll(_ attempts: [AttemptRecord], reviews: [ReviewEvent])
        throws(ProgressError)
    {
        guard let first = attempts.first else { return }
        let id = try Self.learnerID(first.learner)
        for attempt in attempts.dropFirst() where try Self.learnerID(attempt.learner) != id {
            throw ProgressError(
                path: attempt.learner, reason: "recordAll takes attempts of one learner",
                kind: .invalidID)
        }
        for attempt in attempts {
            _ = try Self.quizID(attempt.quiz)
            try checkRecordable(attempt)
        }
        try checkNotFuture(reviews.map(\.at), what: "a review")
        try update(id) { progress in
            for var attempt in attempts {
                attempt.learner = id
                progress.upsert(attempt)
            }
            progress.apply(reviews, scheduler: scheduler)
        }
        // The attempt is safe in the learner's file: clearing its in-progress copy is tidying,
        // and a failure there must not make the caller think the attempt was lost.
        for attempt in attempts where attempt.status != .unfinished {
            try? discardUnfinished(endedBy: attempt, learner: id)
        }
    }

    /// Applies reviews made outside an attempt (`rehearse review`), and keeps their `answers`
    /// for mastery.
    public func review(learner: String, _ reviews: [ReviewEvent], answers: [ReviewAnswer] = [])
        throws(ProgressError)
    {
        let id = try Self.learnerID(learner)
        guard !reviews.isEmpty || !answers.isEmpty else { return }
        try checkNotFuture(reviews.map(\.at) + answers.map(\.at), what: "a review")
        try update(id) { progress in
            progress.apply(reviews, scheduler: scheduler)
            progress.log(answers)
        }
    }

    /// Sets the learner's time factor (`profile.timeFactor`), or clears it with nil or 1: every
    /// later timed exam of the learner is stretched by it unless `take --time-factor` says
    /// otherwise. Written like every change, under the learner's lock.
    public func setTimeFactor(learner: String, _ factor: Double?) throws(ProgressError) {
        let id = try Self.learnerID(learner)
        if let factor, !LearnerProfile.timeFactors.contains(factor) {
            throw ProgressError(
                path: id, reason: "a time factor is from 1 to 4 (1.5: half as long again)",
                kind: .rejected)
        }
        let kept = factor == 1 ? nil : factor
        try update(id) { progress in
            var profile = progress.profile ?? LearnerProfile()
            profile.timeFactor = kept
            progress.profile = profile.timeFactor == nil ? nil : profile
        }
    }

    /// Refuses an attempt with a value out of range or a time after the present.
    func checkRecordable(_ attempt: AttemptRecord, present: Date? = nil) throws(ProgressError) {
        if let problem = ProgressValidation.problem(in: attempt) {
            throw ProgressError(
                path: attempt.learner,
                reason:
                    "the attempt `\(TerminalText.sanitizeLine(attempt.id))` is refused: \(problem)",
                kind: .rejected)
        }
        let times =
            [attempt.startedAt] + [attempt.finishedAt].compactMap { $0 }
            + attempt.answers.compactMap(\.answeredAt)
        try checkNotFuture(
            times, what: "the attempt `\(TerminalText.sanitizeLine(attempt.id))`",
            learner: attempt.learner, present: present)
    }

    /// Refuses times after the present (plus `futureTolerance`): a recorded attempt from the
    /// future would freeze review scheduling.
    /// `present` is the store's present when the caller has read it already.
    func checkNotFuture(
        _ times: [Date], what: @autoclosure () -> String, learner: String = "",
        present: Date? = nil
    ) throws(ProgressError) {
        let present = present ?? now()
        guard let latest = times.max(), latest > present.addingTimeInterval(Self.futureTolerance)
        else { return }
        let format = ISO8601DateFormatter()
        throw ProgressError(
            path: learner,
            reason:
                "\(what()) is dated \(format.string(from: latest)), after the present (\(format.string(from: present))); times after the present are refused",
            kind: .rejected)
    }

    private func update(_ id: String, _ change: (inout LearnerProgress) -> Void)
        throws(ProgressError)
    {
        try file.makeFolder(progressFolder)
        try FileLock.withExclusiveLock(lockPath(id), operations: operations) {
            () throws(ProgressError) in
            removeStaleTemps(of: id, among: nil)
            let write = try prepareWrite(id, change)
            try keepOriginal(of: write)
            try file.replace(write.target, with: write.data, backup: write.target + ".bak")
        }
    }

    /// A learner's file re-read, merged and encoded, ready to be written.
    struct PreparedWrite: Sendable {
        var target: String
        var data: Data
        /// The version the file was in, when it is migrated by this write.
        var migratedFrom: Int?
    }

    /// Reads the learner's file (with the attempts in progress folded in), applies `change` and
    /// encodes the result, keeping the members this build does not know. Call under the lock.
    func prepareWrite(_ id: String, _ change: (inout LearnerProgress) -> Void)
        throws(ProgressError) -> PreparedWrite
    {
        let target = path(progressFolder, id + ".json")
        var loaded = try read(id)
        foldInProgress(into: &loaded.progress)
        change(&loaded.progress)
        var bytes: [UInt8]
        do {
            bytes = try ProgressFileWriter.bytes(of: loaded.progress)
            if !loaded.unknown.isEmpty {
                bytes = Array(try loaded.unknown.restore(into: Data(bytes)))
            }
        } catch {
            throw ProgressError(path: target, reason: "cannot be encoded: \(error)")
        }
        bytes.append(0x0A)
        return PreparedWrite(
            target: target, data: Data(bytes), migratedFrom: loaded.migratedFrom)
    }

    /// Keeps the original of a file being migrated as `LEARNER.json.vN.bak` (once).
    func keepOriginal(of write: PreparedWrite) throws(ProgressError) {
        guard let version = write.migratedFrom else { return }
        let original = write.target + ".v\(version).bak"
        if !FileManager.default.fileExists(atPath: original) {
            try file.keepBackup(of: write.target, as: original)
        }
    }

    /// Removes the temp files a killed writer of this learner left (of the file, its backup and
    /// its migration backups). `entries` is the progress folder's listing when the caller has
    /// one. Call under the learner's lock.
    func removeStaleTemps(of id: String, among entries: [String]?) {
        let entries =
            entries ?? (try? FileManager.default.contentsOfDirectory(atPath: progressFolder))
        for name in [".json", ".json.bak"]
            + (0..<LearnerProgress.currentVersion).map({ ".json.v\($0).bak" })
        {
            file.removeStaleTemps(in: progressFolder, for: id + name, among: entries)
        }
    }

    func lockPath(_ id: String) -> String { path(progressFolder, "." + id + ".lock") }

    // MARK: Ids

    /// The normalised learner id, or an error naming the id.
    public static func learnerID(_ raw: String) throws(ProgressError) -> String {
        switch LearnerID.normalise(raw) {
        case .success(let id): return id
        case .failure(let error):
            throw ProgressError(path: raw, reason: error.description, kind: .invalidID)
        }
    }

    /// A quiz id safe as a file name: letters, digits, `.`, `_`, `-`, starting with a letter or
    /// digit, at most 128 characters.
    public static func quizID(_ raw: String) throws(ProgressError) -> String {
        let bytes = Array(raw.utf8)
        let valid =
            (1...128).contains(bytes.count)
            && bytes.enumerated().allSatisfy { index, byte in
                let alphanumeric =
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                return alphanumeric || (index > 0 && Array("._-".utf8).contains(byte))
            }
        guard valid else {
            throw ProgressError(
                path: raw,
                reason: "invalid quiz id `\(raw)`: quiz ids use letters, digits and . _ -",
                kind: .invalidID)
        }
        return raw
    }
}
