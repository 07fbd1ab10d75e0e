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

/// A temporary data folder, removed when the test ends.
final class TemporaryDataFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-progress-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        chmod((path as NSString).appendingPathComponent("progress"), 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    func contents(_ relative: String) -> Data? {
        FileManager.default.contents(atPath: file(relative))
    }

    func write(_ relative: String, _ text: String) throws {
        let target = file(relative)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
    }
}

enum Sample {
    static let start = Date(timeIntervalSince1970: 1_767_254_400)  // 2026-01-01T08:00:00Z

    static func attempt(
        _ id: String, learner: String = "ana@example.com", quiz: String = "week-one",
        status: AttemptRecord.Status = .finished, percent: Double = 80,
        at time: Date = start
    ) -> AttemptRecord {
        AttemptRecord(
            id: id, learner: learner, quiz: quiz, quizHash: "sha256:abc", mode: "practice",
            seed: 7, status: status, startedAt: time,
            finishedAt: status == .finished ? time.addingTimeInterval(300) : nil,
            answers: [
                .init(ref: "\(quiz)/q1", answer: "a", score: 1, max: 1, answeredAt: time),
                .init(ref: "\(quiz)/q2", answer: "b", score: 0, max: 1, answeredAt: time),
            ], score: percent / 100 * 2, max: 2, percent: percent, passed: percent >= 70,
            competencies: ["empathy": percent])
    }
}

@Suite struct ProgressStoreTests {
    @Test func anEmptyLearnerHasEmptyProgress() throws {
        let data = try TemporaryDataFolder()
        let progress = try ProgressStore(directory: data.path).load(learner: "Ana@Example.com")
        #expect(progress.learner == "ana@example.com")
        #expect(progress.attempts.isEmpty)
        #expect(progress.items.isEmpty)
    }

    @Test func recordWritesTheSpecFieldNames() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.record(
            Sample.attempt("a1", learner: "Ana@Example.com"),
            reviews: [ReviewEvent(ref: "week-one/q1", rating: .good, at: Sample.start)])
        let raw = try #require(data.contents("progress/ana@example.com.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        #expect(json["format"] as? String == "rehearse-progress")
        #expect(json["version"] as? Int == 1)
        #expect(json["learner"] as? String == "ana@example.com")
        #expect((json["attempts"] as? [Any])?.count == 1)
        let items = try #require(json["items"] as? [String: [String: Any]])
        let item = try #require(items["week-one/q1"])
        #expect(
            Set(item.keys) == ["stability", "difficulty", "due", "lastReview", "reps", "lapses"])
        #expect(abs((item["stability"] as? Double ?? 0) - 2.3065) < 1e-9)
        #expect(item["due"] as? String == "2026-01-03T08:00:00Z")
        #expect(item["lastReview"] as? String == "2026-01-01T08:00:00Z")
    }

    @Test func recordReplacesByIdAndKeepsOrder() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.record(Sample.attempt("a1", status: .unfinished), reviews: [])
        try store.record(Sample.attempt("a2"), reviews: [])
        try store.record(Sample.attempt("a1", percent: 95), reviews: [])
        let progress = try store.load(learner: "ana@example.com")
        #expect(progress.attempts.map(\.id) == ["a1", "a2"])
        #expect(progress.attempts[0].percent == 95)
        #expect(progress.attempts[0].status == .finished)
    }

    @Test func reviewsApplyInTimeOrderAndOnlyOnce() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        let later = Sample.start.addingTimeInterval(3 * 86_400)
        let reviews = [
            ReviewEvent(ref: "r", rating: .good, at: later),
            ReviewEvent(ref: "r", rating: .again, at: Sample.start),
        ]
        try store.review(learner: "ana", reviews)
        try store.review(learner: "ana", reviews)
        let state = try #require(try store.load(learner: "ana").items["r"])
        let scheduler = FSRS()
        let expected = scheduler.review(
            scheduler.review(nil, rating: .again, at: Sample.start), rating: .good, at: later)
        #expect(state == expected)
        #expect(state.reps == 2)
    }

    @Test func dueListsSoonestFirst() {
        let scheduler = FSRS()
        var progress = LearnerProgress(learner: "ana")
        progress.items["late"] = scheduler.review(nil, rating: .easy, at: Sample.start)
        progress.items["early"] = scheduler.review(nil, rating: .again, at: Sample.start)
        progress.items["middle"] = scheduler.review(nil, rating: .good, at: Sample.start)
        let now = Sample.start.addingTimeInterval(30 * 86_400)
        #expect(progress.due(at: now) == ["early", "middle", "late"])
        #expect(progress.due(at: Sample.start.addingTimeInterval(86_400)) == ["early"])
        #expect(progress.due(at: Sample.start).isEmpty)
    }

    @Test func theBackupHoldsThePreviousGeneration() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.record(Sample.attempt("a1"), reviews: [])
        let first = try #require(data.contents("progress/ana@example.com.json"))
        try store.record(Sample.attempt("a2"), reviews: [])
        #expect(data.contents("progress/ana@example.com.json.bak") == first)
    }

    @Test func theFileModeIsKept() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.record(Sample.attempt("a1"), reviews: [])
        let file = data.file("progress/ana@example.com.json")
        #expect(chmod(file, 0o600) == 0)
        try store.record(Sample.attempt("a2"), reviews: [])
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func staleTempFilesAreRemovedAndOthersKept() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try data.write("progress/.ana.json.tmp-999-1", "{ torn")
        try data.write("progress/.ana.json.bak.tmp-999-2", "{ torn")
        try data.write("progress/.ana.json.v0.bak.tmp-999-4", "{ torn")
        try data.write("progress/.bob.json.tmp-999-3", "{ another learner's")
        try data.write("progress/.ana.json.tmp-x.json.tmp-999-5", "{ learner ana.json.tmp-x's")
        try store.record(Sample.attempt("a1", learner: "ana"), reviews: [])
        let names = try FileManager.default.contentsOfDirectory(atPath: data.file("progress"))
        #expect(!names.contains(".ana.json.tmp-999-1"))
        #expect(!names.contains(".ana.json.bak.tmp-999-2"))
        #expect(!names.contains(".ana.json.v0.bak.tmp-999-4"))
        #expect(names.contains(".bob.json.tmp-999-3"))
        #expect(names.contains(".ana.json.tmp-x.json.tmp-999-5"))
        #expect(
            !names.contains { $0.hasPrefix(".ana.json.tmp-") && !$0.hasPrefix(".ana.json.tmp-x") })
    }

    @Test(arguments: [
        ("{ \"format\": \"rehearse-progress\", \"version\": 1, \"learner\": ", "malformed"),
        ("{\"format\": \"rehearse-progress\", \"version\": 7, \"learner\": \"ana\"}", "newer"),
        ("{\"format\": \"something-else\", \"version\": 1}", "not a progress file"),
        (
            "{\"format\": \"rehearse-progress\", \"version\": 1, \"learner\": \"bob\", \"attempts\": [], \"items\": {}}",
            "holds learner"
        ),
    ])
    func anUnreadableFileIsNeverOverwritten(text: String, reason: String) throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try data.write("progress/ana.json", text)
        try data.write("progress/ana.json.bak", "{}")
        let before = data.contents("progress/ana.json")
        for attempt in 0..<2 {
            let error = #expect(throws: ProgressError.self) {
                if attempt == 0 {
                    _ = try store.load(learner: "ana")
                } else {
                    try store.record(Sample.attempt("a1", learner: "ana"), reviews: [])
                }
            }
            #expect(error?.kind == .unreadable)
            #expect(error?.path == data.file("progress/ana.json"))
            #expect(error?.backup == data.file("progress/ana.json.bak"))
            #expect(error?.description.contains(reason) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("ana.json.bak") == true)
        }
        #expect(data.contents("progress/ana.json") == before)
    }

    @Test func anOlderVersionIsMigratedAndTheOriginalKept() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        let old = Sample.attempt("old", learner: "ana")
        let attempts = try String(
            decoding: AttemptRecord.makeEncoder().encode([old]), as: UTF8.self)
        let original = "{\"learner\": \"ana\", \"attempts\": \(attempts)}"
        try data.write("progress/ana.json", original)
        #expect(try store.load(learner: "ana").attempts.map(\.id) == ["old"])
        #expect(data.contents("progress/ana.json") == Data(original.utf8), "reading writes nothing")
        try store.record(Sample.attempt("new", learner: "ana"), reviews: [])
        #expect(data.contents("progress/ana.json.v0.bak") == Data(original.utf8))
        let progress = try store.load(learner: "ana")
        #expect(progress.version == LearnerProgress.currentVersion)
        #expect(progress.attempts.map(\.id) == ["old", "new"])
    }

    @Test(arguments: ["../x", "/x", "", String(repeating: "a", count: 129), "a/b", ".hidden"])
    func invalidLearnerIdsAreRefusedBeforeAnyPath(id: String) throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        let calls: [(ProgressStore) throws -> Void] = [
            { _ = try $0.load(learner: id) },
            { try $0.record(Sample.attempt("a", learner: id), reviews: []) },
            { try $0.review(learner: id, []) },
            { try $0.saveUnfinished(Sample.attempt("a", learner: id)) },
            { _ = try $0.unfinished(learner: id, quiz: "q") },
            { try $0.discardUnfinished(learner: id, quiz: "q") },
        ]
        for call in calls {
            let error = #expect(throws: ProgressError.self) { try call(store) }
            #expect(error?.kind == .invalidID)
            #expect(error?.description.contains("invalid learner id `\(id)`") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
        #expect(!store.historyPath(learner: id).contains(".."))
    }

    @Test func invalidQuizIdsAreRefused() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        #expect(throws: ProgressError.self) {
            try store.saveUnfinished(Sample.attempt("a", quiz: "../etc"))
        }
        #expect(throws: ProgressError.self) {
            _ = try store.unfinished(learner: "ana", quiz: "a/b")
        }
    }

    @Test func unfinishedAttemptsAreSavedResumedAndCleared() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        #expect(try store.unfinished(learner: "ana", quiz: "week-one") == nil)
        let attempt = Sample.attempt("a1", learner: "Ana", status: .unfinished)
        try store.saveUnfinished(attempt)
        #expect(data.contents("progress/ana.json") == nil, "the big file is not touched")
        let resumed = try #require(try store.unfinished(learner: "ana", quiz: "week-one"))
        #expect(resumed.id == "a1")
        #expect(resumed.learner == "ana")
        #expect(
            try store.load(learner: "ana").attempts.map(\.id) == ["a1"],
            "the progress holds the attempt in progress")
        try store.record(Sample.attempt("other", learner: "ana", quiz: "week-two"), reviews: [])
        let held = try store.load(learner: "ana").attempts
        #expect(held.map(\.id) == ["a1", "other"])
        #expect(held.first?.status == .unfinished)
        var raw = try #require(data.contents("progress/ana.json"))
        #expect(String(decoding: raw, as: UTF8.self).contains("\"a1\""), "and so does the file")
        try store.record(attempt, reviews: [])
        #expect(try store.unfinished(learner: "ana", quiz: "week-one") != nil, "still unfinished")
        var finished = attempt
        finished.status = .finished
        try store.record(finished, reviews: [])
        #expect(try store.unfinished(learner: "ana", quiz: "week-one") == nil)
        raw = try #require(data.contents("progress/ana.json"))
        let stored = try AttemptRecord.makeDecoder().decode(LearnerProgress.self, from: raw)
        #expect(stored.attempts.first { $0.id == "a1" }?.status == .finished)
        try store.saveUnfinished(attempt)
        try store.discardUnfinished(learner: "ana", quiz: "week-one")
        #expect(try store.unfinished(learner: "ana", quiz: "week-one") == nil)
        try store.discardUnfinished(learner: "ana", quiz: "other")
    }

    @Test func finishingAnOlderAttemptKeepsANewerOneInProgress() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        let older = Sample.attempt("old", learner: "ana", at: Sample.start)
        let newer = Sample.attempt(
            "new", learner: "ana", status: .unfinished, at: Sample.start.addingTimeInterval(60))
        try store.saveUnfinished(newer)
        try store.record(older, reviews: [])
        #expect(try store.unfinished(learner: "ana", quiz: "week-one")?.id == "new")
        var finished = newer
        finished.status = .finished
        try store.record(finished, reviews: [])
        #expect(try store.unfinished(learner: "ana", quiz: "week-one") == nil)
    }

    @Test func learnersListsEveryLearnerOnce() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        #expect(try store.learners().isEmpty)
        try store.record(Sample.attempt("a", learner: "bob"), reviews: [])
        try store.record(Sample.attempt("a", learner: "ana"), reviews: [])
        try store.record(Sample.attempt("b", learner: "ana"), reviews: [])
        try store.saveUnfinished(Sample.attempt("c", learner: "cy", status: .unfinished))
        try data.write("progress/notes.txt", "")
        #expect(try store.learners() == ["ana", "bob", "cy"])
    }

    @Test func historyPathIsPerLearnerInTheDataFolder() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        #expect(store.historyPath(learner: "Ana") == data.file("history/ana.history"))
        #expect(FileManager.default.fileExists(atPath: data.file("history")))
    }

    @Test func threadsOfOneProcessLoseNothing() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<5 {
                do throws(ProgressError) {
                    try store.record(Sample.attempt("w\(worker)-\(index)"), reviews: [])
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(try store.load(learner: "ana@example.com").attempts.count == 20)
    }

    @Test func dataDirectoryPrecedence() {
        #expect(
            DataDirectory.resolve(flag: "/f", environment: ["REHEARSE_HOME": "/h"]) == "/f")
        #expect(
            DataDirectory.resolve(
                flag: nil, environment: ["REHEARSE_HOME": "/h", "XDG_DATA_HOME": "/x"]) == "/h")
        #expect(
            DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/u"])
                == "/x/rehearse")
        #expect(
            DataDirectory.resolve(flag: nil, environment: ["HOME": "/u"])
                == "/u/.local/share/rehearse")
    }
}
