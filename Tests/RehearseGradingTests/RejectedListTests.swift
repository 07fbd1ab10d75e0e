import Foundation
import Testing

@testable import RehearseGrading
@testable import RehearseScoring

/// A sheet's rejected rows in bounded memory: all of them up to the limit, past it the first in
/// the sheet, whatever order they are met in.
@Suite("Rejected rows listed per sheet")
struct RejectedListTests {
    static func row(_ line: Int, _ column: Int = 4) -> RejectedRow {
        RejectedRow(file: "s.csv", line: line, column: column, reason: "r\(line)")
    }

    @Test func underTheLimitRowsKeepTheOrderMet() {
        var list = RejectedList(limit: 5)
        list.append(contentsOf: [9, 3, 7].map { Self.row($0) })
        #expect(list.listed.map(\.line) == [9, 3, 7])
        #expect(list.unlisted == 0)
    }

    /// Met in any order, the rows past the limit leave the same first rows of the sheet, listed
    /// by line then column.
    @Test(arguments: [1, 2, 3, 4])
    func pastTheLimitTheFirstInTheSheetAreListed(seed: UInt64) {
        var rows = (1...200).map { Self.row($0 / 2, $0 % 2 + 1) }
        var generator = SeededGenerator(seed: seed)
        rows.shuffle(using: &generator)
        var list = RejectedList(limit: 10)
        list.append(contentsOf: rows)
        #expect(list.unlisted == 190)
        #expect(list.listed.map(\.line) == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5])
        #expect(list.listed.map(\.column) == [2, 1, 2, 1, 2, 1, 2, 1, 2, 1])
    }

    /// Rows left out at their source (after as many of its own, earlier, kept) are counted, and
    /// rows met after still find their place.
    @Test func rowsLeftOutAtTheirSourceAreCounted() {
        var list = RejectedList(limit: 3)
        list.append(Self.row(50))
        list.leftOut(7)
        list.append(contentsOf: [Self.row(40), Self.row(60), Self.row(10), Self.row(70)])
        #expect(list.unlisted == 9)
        #expect(list.listed.map(\.line) == [10, 40, 50])
    }

    /// A long sheet where every learner answers every question twice over: thousands of second
    /// answers. Read in one pass and in slices on all cores, the same first rows of the sheet are
    /// listed and one note counts the rest.
    @Test func aSheetOfManySecondAnswersListsTheFirstAndCountsTheRest() throws {
        let bank = GradingFixtures.bank
        let once = GraderTests.sheet(bank: bank, quiz: "q", learners: 300, seed: 3)
        let body = once.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let text = once + body
        let rows = body.split(separator: "\n").count
        func read(threshold: Int) throws -> SheetReader {
            let reader = SheetReader(bank: bank)
            reader.rejectedLimit = 50
            reader.parallelThreshold = threshold
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { try reader.read(file: "twice.csv", buffer: $0) }
            _ = try reader.cohort()
            return reader
        }
        let one = try read(threshold: Int.max)
        let many = try read(threshold: 0)
        #expect(one.parallelReads == 0)
        #expect(many.parallelReads == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 : 0))
        #expect(one.rejected == many.rejected)
        #expect(one.notes == many.notes)
        #expect(one.rejected.count == 50)
        // The second half's first rows, in order: row 1 of the copy is line rows + 2.
        let seconds = one.rejected.filter { $0.reason.contains("second answer") }
        #expect(seconds.first?.line == rows + 2)
        #expect(one.rejected.map(\.line) == one.rejected.map(\.line).sorted())
        #expect(
            one.notes.contains {
                $0.hasPrefix("twice.csv: ")
                    && $0.hasSuffix("not listed (the first 50 in the sheet are)")
            })
    }
}
