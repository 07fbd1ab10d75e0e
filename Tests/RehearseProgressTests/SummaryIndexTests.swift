import Foundation
import Synchronization
import Testing

@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

/// `progress --all` from the summary index equals the summary read from every file, after any
/// interleaving of writers; a damaged index is ignored and rebuilt.
struct SummaryIndexTests {
    /// The file clock set ahead, so every file counts as settled and the index is trusted as
    /// soon as it is written: the identity check alone must catch every change.
    static let ahead = Date().addingTimeInterval(3600)
    static let now = Sample.start.addingTimeInterval(86_400 * 3)

    static func truth(_ store: ProgressStore) throws -> [LearnerSummary] {
        try store.summary(at: now, fileClock: ahead, useIndex: false)
    }

    static func indexed(_ store: ProgressStore) throws -> [LearnerSummary] {
        try store.summary(at: now, fileClock: ahead)
    }

    @Test func seededInterleavingsOfWritersNeverServeStaleRows() throws {
        let folder = try TemporaryDataFolder()
        let store = ProgressStore(directory: folder.path)
        var generator = SeededGenerator(seed: 2026)
        let learners = (0..<6).map { "l\($0)@example.com" }
        var counter = 0
        var cachedRows = 0
        for step in 0..<300 {
            let learner = learners.randomElement(using: &generator) ?? "l0@example.com"
            counter += 1
            let time = Sample.start.addingTimeInterval(Double(counter * 60))
            // A writer meeting a file damaged by hand stops with an error, as it must.
            do { try write(Int.random(in: 0..<10, using: &generator)) } catch let error
                as ProgressError where error.kind == .unreadable
            {}
            func write(_ choice: Int) throws {
                switch choice {
                case 0..<4:
                    let attempt = Sample.attempt(
                        "a\(counter)", learner: learner,
                        quiz: ["week-one", "week-two", "week-three"].randomElement(
                            using: &generator)
                            ?? "week-one",
                        percent: Double(Int.random(in: 0...100, using: &generator)), at: time)
                    try store.record(
                        attempt,
                        reviews: [
                            ReviewEvent(
                                ref: "q\(Int.random(in: 0..<4, using: &generator))",
                                rating: [.again, .hard, .good].randomElement(using: &generator)
                                    ?? .good,
                                at: time)
                        ])
                case 4:
                    try store.recordCohort(
                        learners.map {
                            LearnerRecording(
                                attempts: [Sample.attempt("c\(counter)", learner: $0, at: time)],
                                reviews: [ReviewEvent(ref: "c", rating: .hard, at: time)])
                        })
                case 5:
                    try store.saveUnfinished(
                        Sample.attempt(
                            "u\(counter)", learner: learner, status: .unfinished, at: time))
                case 6:
                    try store.discardUnfinished(learner: learner, quiz: "week-one")
                case 7:
                    // Damaged by hand: the row must show the error, then recover.
                    try folder.write("progress/\(learner).json", "{ not json \(counter)")
                case 8:
                    try? FileManager.default.removeItem(
                        atPath: folder.file("progress/\(learner).json"))
                default:
                    try store.review(
                        learner: learner, [ReviewEvent(ref: "q0", rating: .good, at: time)])
                }
            }
            // Several reads between writes, or none.
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                cachedRows += store.loadSummaryIndex().entries.count
                let indexed = try Self.indexed(store)
                let truth = try Self.truth(store)
                #expect(indexed == truth, "step \(step)")
            }
        }
        #expect(cachedRows > 100, "the index served rows")
        for learner in learners {
            try store.discardUnfinished(learner: learner, quiz: "week-one")
            if (try? store.load(learner: learner)) == nil {
                try FileManager.default.removeItem(atPath: folder.file("progress/\(learner).json"))
            }
            try store.record(Sample.attempt("last", learner: learner), reviews: [])
        }
        #expect(try Self.indexed(store) == (try Self.truth(store)))
        #expect(store.loadSummaryIndex().entries.count == learners.count)
    }

    @Test func concurrentWritersAndReadersEndOnTheTruth() throws {
        let folder = try TemporaryDataFolder()
        let store = ProgressStore(directory: folder.path)
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for writer in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                for index in 0..<25 {
                    let time = Sample.start.addingTimeInterval(Double(index * 60 + writer))
                    do {
                        try store.record(
                            Sample.attempt(
                                "w\(writer)-\(index)", learner: "l\(index % 5)@example.com",
                                at: time),
                            reviews: [ReviewEvent(ref: "q\(writer)", rating: .good, at: time)])
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
                group.leave()
            }
        }
        group.enter()
        Thread.detachNewThread {
            for _ in 0..<20 {
                do { _ = try Self.indexed(store) } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            group.leave()
        }
        group.wait()
        #expect(failures.withLock { $0 }.isEmpty)
        let indexed = try Self.indexed(store)
        #expect(indexed == (try Self.truth(store)))
        #expect(indexed.map(\.attempts).reduce(0, +) == 100)
    }

    @Test func aDamagedIndexIsIgnoredAndRebuilt() throws {
        let folder = try TemporaryDataFolder()
        let store = ProgressStore(directory: folder.path)
        for learner in ["a@example.com", "b@example.com"] {
            try store.record(Sample.attempt("x", learner: learner), reviews: [])
        }
        let truth = try Self.truth(store)
        #expect(try Self.indexed(store) == truth)
        let good = try #require(FileManager.default.contents(atPath: store.summaryIndexPath))
        #expect(store.loadSummaryIndex().entries.count == 2)
        var flipped = Array(good)
        flipped[flipped.count - 3] ^= 0x40
        for damaged in [Data(), Data(good.prefix(20)), Data(flipped), Data("RHPSUM01 junk".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: store.summaryIndexPath))
            #expect(store.loadSummaryIndex().entries.isEmpty)
            #expect(try Self.indexed(store) == truth)
            #expect(store.loadSummaryIndex().entries.count == 2)
        }
    }

    @Test func recentFilesAreReadAgainUntilTheySettle() throws {
        let folder = try TemporaryDataFolder()
        let store = ProgressStore(directory: folder.path)
        try store.record(Sample.attempt("x", learner: "a@example.com"), reviews: [])
        // With the real clock, a file written just now is not cached.
        _ = try store.summary(at: Self.now)
        #expect(store.loadSummaryIndex().entries.isEmpty)
        _ = try Self.indexed(store)
        #expect(store.loadSummaryIndex().entries.count == 1)
    }
}
