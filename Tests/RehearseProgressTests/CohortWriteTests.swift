import Foundation
import Synchronization
import Testing

@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

/// The grouped cohort write under the store's rules: every learner's lock is taken, so writers
/// of single attempts running at the same time lose nothing, and neither does the cohort.
struct CohortWriteTests {
    @Test func cohortAndSingleWritersAtOnceLoseNoAttempt() throws {
        let folder = try TemporaryDataFolder()
        let store = ProgressStore(directory: folder.path)
        let learners = (0..<40).map { "c\($0)@example.com" }
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for writer in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                for (index, learner) in learners.enumerated() where index % 3 == writer {
                    do {
                        try store.record(
                            Sample.attempt("single-\(index)", learner: learner), reviews: [])
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
                group.leave()
            }
        }
        for round in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                do {
                    try store.recordCohort(
                        learners.map {
                            LearnerRecording(
                                attempts: [Sample.attempt("cohort-\(round)", learner: $0)],
                                reviews: [
                                    ReviewEvent(ref: "q", rating: .good, at: Sample.start)
                                ])
                        })
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
                group.leave()
            }
        }
        group.wait()
        #expect(failures.withLock { $0 }.isEmpty)
        for (index, learner) in learners.enumerated() {
            let ids = Set(try store.load(learner: learner).attempts.map(\.id))
            #expect(ids == ["single-\(index)", "cohort-0", "cohort-1", "cohort-2"], "\(learner)")
        }
    }

    @Test func aRecordingThatIsRefusedStopsTheCohortBeforeAnyWrite() throws {
        let folder = try TemporaryDataFolder()
        let store = ProgressStore(directory: folder.path)
        var future = Sample.attempt("late", learner: "b@example.com")
        future.startedAt = Date().addingTimeInterval(86_400 * 30)
        #expect(throws: ProgressError.self) {
            try store.recordCohort([
                LearnerRecording(
                    attempts: [Sample.attempt("x", learner: "a@example.com")], reviews: []),
                LearnerRecording(attempts: [future], reviews: []),
            ])
        }
        #expect(try store.learners().isEmpty)
    }

    @Test func cohortWritesEqualSingleWrites() throws {
        let grouped = try TemporaryDataFolder()
        let single = try TemporaryDataFolder()
        let learners = (0..<300).map { "g\($0)@example.com" }
        let recordings = learners.enumerated().map { index, learner in
            LearnerRecording(
                attempts: [Sample.attempt("a", learner: learner, percent: Double(index % 100))],
                reviews: [ReviewEvent(ref: "q\(index % 7)", rating: .hard, at: Sample.start)])
        }
        try ProgressStore(directory: grouped.path).recordCohort(recordings)
        for recording in recordings {
            try ProgressStore(directory: single.path).recordAll(
                recording.attempts, reviews: recording.reviews)
        }
        for learner in learners {
            #expect(
                grouped.contents("progress/\(learner).json")
                    == single.contents("progress/\(learner).json"))
        }
    }
}
