import RehearseBank
import Synchronization
import Testing

@testable import RehearseInterop

/// The runs an export is written in: they cover the entries in order, and the text and notes
/// do not depend on where the runs are cut (a category line at a run's start is written only
/// when the scenario changes there).
@Suite struct ExportRunsTests {
    @Test(arguments: [(0, 4), (1, 4), (5, 1), (5, 5), (5, 9), (15_000, 8), (7, 3)])
    func rangesCoverEveryIndexOnceInOrder(count: Int, parts: Int) {
        let ranges = ExportRuns.ranges(count: count, parts: parts)
        #expect(ranges.flatMap { Array($0) } == Array(0..<count))
        #expect(ranges.allSatisfy { !$0.isEmpty })
        #expect(ranges.count == (count == 0 ? 0 : min(count, parts)))
        let sizes = ranges.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }

    @Test func theTextIsTheSameHoweverTheRunsAreCut() throws {
        let bank = try #require(RoundTripTests.sampleBank)
        var checked = 0
        for quiz in bank.quizzes {
            let entries = ExportPlan(quiz: quiz, bank: bank).entries
            let whole = Self.write(entries, parts: 1)
            #expect(whole.text.contains("[\(entries.first?.scenario ?? "-")]"))
            #expect(whole.pieces.last == Array("end\n".utf8))
            #expect(whole.pieces.first == Array("start\n".utf8))
            #expect(whole.notes.first == "first")
            #expect(whole.notes.contains("\(entries.first?.ref ?? ""): written"))
            #expect(whole.notes.count == 1 + entries.reduce(0) { $0 + $1.notes.count + 1 })
            for parts in [2, 3, max(1, entries.count)] {
                let streamed = Mutex<[UInt8]>([])
                let sent = Self.write(entries, parts: parts) { piece in
                    streamed.withLock { $0 += piece }
                }
                #expect(sent.pieces.isEmpty)
                #expect(streamed.withLock { $0 } == whole.bytes, "\(quiz.id.value), \(parts) runs")
                #expect(sent.notes == whole.notes)
                let cut = Self.write(entries, parts: parts)
                #expect(cut.bytes == whole.bytes, "\(quiz.id.value), \(parts) runs")
                #expect(cut.notes == whole.notes, "\(quiz.id.value), \(parts) runs")
            }
            checked += entries.count
        }
        #expect(checked > 20)
    }

    /// A category line per change of scenario, a line and a note per entry.
    private static func write(
        _ entries: [ExportEntry], parts: Int, emit: (@Sendable ([UInt8]) -> Void)? = nil
    ) -> ExportResult {
        var head = ExportBytes()
        head.add("start\n")
        return ExportRuns.write(
            entries, head: head, tail: "end\n", notes: ["first"], parts: parts, emit: emit,
            category: { entry, out in out.add("[\(entry.scenario ?? "-")]\n") },
            entry: { entry, notes, out in
                out.add(entry.name + "\n")
                notes.append("written")
            })
    }
}
