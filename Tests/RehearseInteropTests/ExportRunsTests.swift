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

    /// A run's text past `chunkBytes` is kept in several buffers (none copied into a larger
    /// one as it grows), handed on in order: the same text and notes as in one piece.
    @Test func aLongRunComesInChunksOfTheSameText() throws {
        let bank = try #require(RoundTripTests.sampleBank)
        // Six entries of the quiz with the most, from more than one scenario.
        let most = bank.quizzes.map { ExportPlan(quiz: $0, bank: bank).entries }
            .max { $0.count < $1.count }
        let entries = Array(try #require(most).prefix(6))
        #expect(Set(entries.map(\.scenario)).count > 1)
        #expect(entries.count >= 3)
        // Each entry fills a buffer.
        let filler = String(repeating: "x", count: ExportRuns.chunkBytes)
        let long = { (parts: Int, emit: (@Sendable ([UInt8]) -> Void)?) in
            Self.write(entries, parts: parts, emit: emit, filler: filler)
        }
        let whole = long(1, nil)
        var expected = "start\n"
        var previous: String?
        for (index, entry) in entries.enumerated() {
            if index == 0 || entry.scenario != previous {
                expected += "[\(entry.scenario ?? "-")]\n"
                previous = entry.scenario
            }
            expected += entry.name + filler + "\n"
        }
        expected += "end\n"
        #expect(whole.text == expected)
        // The head, a piece per entry, the tail.
        #expect(whole.pieces.count == entries.count + 2)
        for parts in [1, 2, 3] {
            let streamed = Mutex<[UInt8]>([])
            let sent = long(parts) { piece in streamed.withLock { $0 += piece } }
            #expect(sent.pieces.isEmpty)
            #expect(streamed.withLock { $0 } == whole.bytes, "\(parts) runs")
            #expect(sent.notes == whole.notes)
            #expect(long(parts, nil).bytes == whole.bytes, "\(parts) runs")
        }
    }

    /// A category line per change of scenario, a line (the name, then `filler`) and a note per
    /// entry.
    private static func write(
        _ entries: [ExportEntry], parts: Int, emit: (@Sendable ([UInt8]) -> Void)? = nil,
        filler: String = ""
    ) -> ExportResult {
        var head = ExportBytes()
        head.add("start\n")
        return ExportRuns.write(
            entries, head: head, tail: "end\n", notes: ["first"], parts: parts, emit: emit,
            category: { entry, out in out.add("[\(entry.scenario ?? "-")]\n") },
            entry: { entry, notes, out in
                out.add(entry.name + filler + "\n")
                notes.append("written")
            })
    }
}
