import Foundation
import RehearseCore
import RehearseProgress
import RehearseScoring
import RehearseTestSupport
import Testing

@testable import RehearseInterop

/// The streamed export (`progress --all --format xapi`): whatever the group size, its chunks
/// make the document `render` makes of the same attempts, and a learner whose file cannot be
/// read stops it after the statements before.
final class XAPIExportTests {
    /// The data folder, removed with the test.
    let fixture: FixtureFolder
    var folder: String { fixture.path }
    let store: ProgressStore

    init() throws {
        fixture = try FixtureFolder([:])
        store = ProgressStore(directory: fixture.path)
    }

    /// `count` learners with `perLearner` finished attempts each, in learner order.
    private func fill(learners count: Int, perLearner: Int = 2) throws -> [AttemptRecord] {
        var attempts: [AttemptRecord] = []
        for learner in 0..<count {
            for number in 0..<perLearner {
                var attempt = XAPIBuilderTests.attempt()
                attempt.id = "l\(learner)-a\(number)"
                attempt.learner = String(format: "learner%02d", learner)
                try store.record(attempt, reviews: [])
                attempts.append(attempt)
            }
        }
        return attempts
    }

    private func export(_ learners: [String], chunkSize: Int) -> (
        bytes: [UInt8], chunks: Int, error: ProgressError?
    ) {
        var bytes: [UInt8] = []
        var chunks = 0
        do throws(ProgressError) {
            try XAPIExport.write(
                learners: learners, store: store, bank: XAPIBuilderTests.bank,
                settings: XAPISettings(), chunkSize: chunkSize
            ) { chunk in
                bytes += chunk
                chunks += 1
                return true
            }
        } catch {
            return (bytes, chunks, error)
        }
        return (bytes, chunks, nil)
    }

    /// 19 learners in groups of 1 and 2 span several rounds of 8 workers.
    @Test(arguments: [1, 2, 32])
    func chunksMakeTheRenderedDocument(chunkSize: Int) throws {
        let attempts = try fill(learners: 19)
        let learners = try store.learners()
        let expected = XAPIExport.render(
            attempts, bank: XAPIBuilderTests.bank, settings: XAPISettings())
        let streamed = export(learners, chunkSize: chunkSize)
        #expect(streamed.error == nil)
        #expect(streamed.bytes == expected)
        // One chunk per group of learners, and the closing bracket.
        #expect(streamed.chunks == (19 + chunkSize - 1) / chunkSize + 1)
        // `[`, each statement and `]` on lines of their own: two newlines more than statements.
        let decoded = try JSONSerialization.jsonObject(with: Data(streamed.bytes)) as? [Any]
        #expect(decoded?.count == expected.filter { $0 == UInt8(ascii: "\n") }.count - 2)
    }

    @Test func noLearnersIsAnEmptyArray() {
        let streamed = export([], chunkSize: 4)
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == "[]\n")
    }

    @Test func aLearnerThatCannotBeReadStopsAfterTheStatementsBefore() throws {
        let attempts = try fill(learners: 3, perLearner: 1)
        try Data("{not json".utf8).write(
            to: URL(fileURLWithPath: folder + "/progress/learner01.json"))
        let streamed = export(try store.learners(), chunkSize: 1)
        #expect(streamed.error != nil)
        let first = XAPIExport.render(
            [attempts[0]], bank: XAPIBuilderTests.bank, settings: XAPISettings())
        // The first learner's statements, without the closing bracket.
        #expect(streamed.bytes == Array(first.dropLast(3)))
    }

    @Test func aFailedWriteStopsTheExport() throws {
        _ = try fill(learners: 20, perLearner: 1)
        var calls = 0
        do throws(ProgressError) {
            try XAPIExport.write(
                learners: try store.learners(), store: store, bank: XAPIBuilderTests.bank,
                settings: XAPISettings(), chunkSize: 1
            ) { _ in
                calls += 1
                return false
            }
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(calls == 1)
    }
}
