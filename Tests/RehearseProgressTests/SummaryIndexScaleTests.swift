import Foundation
import Testing

@testable import RehearseProgress
@testable import RehearseScoring

/// The summary index at the size of a contact centre: a folder of many learners (300 by
/// default; CI sets `REHEARSE_KILL_LEARNERS=10000`), then a seeded interleaving of writes to a
/// few of them (single records, cohort writes of a slice, attempts in progress, a damaged file,
/// a deleted one); after each, `progress --all` from the index must equal the summary read from
/// every file, and the index must have served the unchanged rows.
struct SummaryIndexScaleTests {
    @Test func interleavingsInALargeFolderNeverServeStaleRows() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["REHEARSE_KILL_LEARNERS"].flatMap { Int($0) } ?? 300
        let seed =
            environment["REHEARSE_TEST_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("SummaryIndexScaleTests: \(count) learners, seed \(seed)")
        var generator = SeededGenerator(seed: seed)
        let folder = try TemporaryDataFolder()
        let store = ProgressStore(directory: folder.path)
        let learners = (0..<count).map { "learner" + String(format: "%05d", $0) + "@example.com" }
        try store.recordCohort(
            learners.map {
                LearnerRecording(
                    attempts: [Sample.attempt("base", learner: $0)],
                    reviews: [ReviewEvent(ref: "q0", rating: .good, at: Sample.start)])
            })
        #expect(try SummaryIndexTests.indexed(store) == (try SummaryIndexTests.truth(store)))
        for step in 0..<12 {
            let time = Sample.start.addingTimeInterval(Double((step + 1) * 3600))
            let learner = learners.randomElement(using: &generator) ?? learners[0]
            // A writer meeting a file damaged by hand stops with an error, as it must (a
            // cohort write stops at that learner's group; groups before it stay written).
            do { try write(Int.random(in: 0..<6, using: &generator)) } catch let error
                as ProgressError where error.kind == .unreadable
            {}
            func write(_ choice: Int) throws {
                switch choice {
                case 0:
                    try store.record(
                        Sample.attempt("s\(step)", learner: learner, percent: 30, at: time),
                        reviews: [ReviewEvent(ref: "q1", rating: .again, at: time)])
                case 1:
                    let start = Int.random(in: 0..<count, using: &generator)
                    let slice = learners[start..<min(count, start + max(1, count / 8))]
                    try store.recordCohort(
                        slice.map {
                            LearnerRecording(
                                attempts: [Sample.attempt("c\(step)", learner: $0, at: time)],
                                reviews: [ReviewEvent(ref: "q2", rating: .hard, at: time)])
                        })
                case 2:
                    try store.saveUnfinished(
                        Sample.attempt("u\(step)", learner: learner, status: .unfinished, at: time))
                case 3:
                    try folder.write("progress/\(learner).json", "{ damaged \(step)")
                case 4:
                    try? FileManager.default.removeItem(
                        atPath: folder.file("progress/\(learner).json"))
                default:
                    try? store.review(
                        learner: learner, [ReviewEvent(ref: "q0", rating: .good, at: time)])
                }
            }
            let cached = store.loadSummaryIndex().entries.count
            let indexed = try SummaryIndexTests.indexed(store)
            let truth = try SummaryIndexTests.truth(store)
            #expect(indexed == truth, "seed \(seed), step \(step)")
            #expect(cached > count / 2, "seed \(seed), step \(step): the index served few rows")
        }
    }
}
