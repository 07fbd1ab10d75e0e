import Foundation
import Synchronization
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

#if canImport(Glibc)
    import Glibc
#endif

/// Attempts in progress: one log per attempt, appended to per answer, read back after a crash.
@Suite struct UnfinishedLogTests {
    static func attempt(_ id: String, answers: Int, at start: Date = Sample.start) -> AttemptRecord
    {
        var attempt = Sample.attempt(id, learner: "ana", status: .unfinished, at: start)
        attempt.finishedAt = nil
        attempt.answers = (0..<answers).map {
            .init(ref: "week-one/q\($0)", answer: "a", score: 1, max: 1, answeredAt: start)
        }
        return attempt
    }

    @Test func twoAttemptsAtOneQuizAreBothKept() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.saveUnfinished(Self.attempt("first", answers: 2))
        try store.saveUnfinished(
            Self.attempt("second", answers: 1, at: Sample.start.addingTimeInterval(60)))
        let kept = try store.unfinishedAttempts(learner: "ana", quiz: "week-one")
        #expect(kept.map(\.id) == ["first", "second"])
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.id == "second")
        #expect(try store.load(learner: "ana").attempts.count == 2)
        var finished = Self.attempt("second", answers: 1)
        finished.status = .finished
        try store.record(finished, reviews: [])
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.id == "first")
    }

    /// Bytes written per save, through the system-call seam.
    final class Counter: Sendable {
        let bytes = Mutex(0)
    }

    @Test func eachAnswerAppendsOneLineWhateverTheLength() throws {
        let data = try TemporaryDataFolder()
        let counter = Counter()
        var operations = FileOperations.system
        operations.write = { fd, buffer in
            counter.bytes.withLock { $0 += buffer.count }
            return write(fd, buffer.baseAddress, buffer.count)
        }
        let store = ProgressStore(directory: data.path, operations: operations)
        var cursor = UnfinishedCursor()
        var written: [Int: Int] = [:]
        for count in 1...600 {
            counter.bytes.withLock { $0 = 0 }
            try store.saveUnfinished(Self.attempt("long", answers: count), cursor: &cursor)
            written[count] = counter.bytes.withLock { $0 }
        }
        let early = try #require(written[10])
        let late = try #require(written[600])
        #expect(late <= early + 8, "answer 600 writes \(late) bytes, answer 10 \(early)")
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.answers.count == 600)
    }

    @Test func aTornLastLineIsIgnoredAndAnyOtherBadLineReported() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        var cursor = UnfinishedCursor()
        for count in 1...3 {
            try store.saveUnfinished(Self.attempt("a", answers: count), cursor: &cursor)
        }
        let log = try store.unfinishedLogPath(learner: "ana", quiz: "week-one", attempt: "a")
        let handle = try #require(FileHandle(forWritingAtPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"answer\": {\"ref\": \"week-one/q3\", \"ans".utf8))
        try handle.close()
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.answers.count == 3)
        // The next save notices the log changed and rewrites it whole.
        try store.saveUnfinished(Self.attempt("a", answers: 4), cursor: &cursor)
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.answers.count == 4)

        let text = try String(contentsOfFile: log, encoding: .utf8)
        try Data(("garbage\n" + text).utf8).write(to: URL(fileURLWithPath: log))
        let error = #expect(throws: ProgressError.self) {
            _ = try store.unfinished(learner: "ana", quiz: "week-one")
        }
        #expect(error?.kind == .unreadable)
        #expect(error?.description.contains("line 1") == true, "\(error?.description ?? "")")
    }

    @Test func aFullDiskDuringAnAppendLeavesNoHalfLine() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        var cursor = UnfinishedCursor()
        try store.saveUnfinished(Self.attempt("a", answers: 1), cursor: &cursor)
        let log = try store.unfinishedLogPath(learner: "ana", quiz: "week-one", attempt: "a")
        let before = try #require(FileManager.default.contents(atPath: log))
        // Half of the new line goes down, then the disk is full.
        let calls = Mutex(0)
        var operations = FileOperations.system
        operations.write = { fd, buffer in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            guard call == 1 else {
                errno = ENOSPC
                return -1
            }
            return write(fd, buffer.baseAddress, buffer.count / 2)
        }
        let failing = ProgressStore(directory: data.path, operations: operations)
        let error = #expect(throws: ProgressError.self) {
            try failing.saveUnfinished(Self.attempt("a", answers: 2), cursor: &cursor)
        }
        #expect(error?.description.contains("No space left on device") == true)
        #expect(FileManager.default.contents(atPath: log) == before, "cut back to whole lines")
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.answers.count == 1)
        try store.saveUnfinished(Self.attempt("a", answers: 3), cursor: &cursor)
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.answers.count == 3)
    }

    @Test func aFileOfAnOlderBuildIsStillResumed() throws {
        let data = try TemporaryDataFolder()
        let attempt = Self.attempt("old", answers: 2)
        let json = try AttemptRecord.makeEncoder().encode(attempt)
        try data.write(
            "progress/unfinished/ana/week-one.json", String(decoding: json, as: UTF8.self))
        let store = ProgressStore(directory: data.path)
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.id == "old")
        var finished = attempt
        finished.status = .finished
        try store.record(finished, reviews: [])
        #expect(try store.unfinished(learner: "ana", quiz: "week-one") == nil)
        #expect(data.contents("progress/unfinished/ana/week-one.json") == nil)
    }

    @Test func logsAreWrittenWithAPrivateMode() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.saveUnfinished(Self.attempt("a", answers: 1))
        let log = try store.unfinishedLogPath(learner: "ana", quiz: "week-one", attempt: "a")
        var info = stat()
        #expect(stat(log, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }
}
