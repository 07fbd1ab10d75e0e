import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseScoring

/// Tables that move into temporary files (`SpillTable`, `NameTable`) hold what they were given,
/// and a cohort graded with every table in a file reports byte for byte what one graded in
/// memory reports.
@Suite("Tables kept in temporary files")
struct SpillTableTests {
    /// The same values appended to a table in memory and to one that spills at once.
    static func filled(limit: Int, count: Int, seed: UInt64) -> SpillTable<Int32> {
        var generator = SeededGenerator(seed: seed)
        let table = SpillTable<Int32>(memoryLimit: limit)
        while table.count < count {
            switch generator.next() % 3 {
            case 0: table.append(Int32(truncatingIfNeeded: generator.next()))
            case 1:
                let run = Int(generator.next() % 700)
                table.append(
                    repeating: Int32(truncatingIfNeeded: generator.next()),
                    count: Swift.min(run, count - table.count))
            default:
                let values = (0..<Swift.min(Int(generator.next() % 300), count - table.count)).map {
                    _ in Int32(truncatingIfNeeded: generator.next())
                }
                values.withUnsafeBufferPointer { table.append(contentsOf: $0) }
            }
        }
        return table
    }

    @Test(arguments: [0, 1, 1023, 1024, 1025, 4096, 100_000])
    func aSpilledTableHoldsWhatATableInMemoryHolds(count: Int) {
        let memory = Self.filled(limit: Int.max, count: count, seed: UInt64(count) + 1)
        let spilled = Self.filled(limit: 0, count: count, seed: UInt64(count) + 1)
        #expect(!memory.isSpilled)
        #expect(spilled.isSpilled == (count > 16))
        #expect(spilled.count == count)
        #expect(spilled.values(0..<count) == memory.values(0..<count))
        // Written in place, then given back to the system and read again from the file.
        for position in stride(from: 0, to: count, by: 997) {
            spilled[position] = Int32(position)
            memory[position] = Int32(position)
        }
        spilled.release(0..<(count / 2))
        spilled.release(upTo: count / 3)
        spilled.release(upTo: count)
        #expect(spilled.values(0..<count) == memory.values(0..<count))
        spilled.release()
        #expect(Array(spilled.buffer) == Array(memory.buffer))
    }

    @Test func aTableSpillsWhenItOutgrowsItsLimitAndKeepsWhatItHeld() {
        let page = PageRelease.pageSize / 4
        let table = SpillTable<Int32>(memoryLimit: page * 4)
        for value in 0..<page { table.append(Int32(value)) }
        #expect(!table.isSpilled)
        table.append(repeating: -1, count: page * 3)
        #expect(table.isSpilled)
        table.reserve(page * 40)
        table.append(repeating: 7, count: page * 30)
        #expect(table.count == page * 34)
        #expect(table.values(0..<page) == (0..<page).map { Int32($0) })
        #expect(table.values(page..<(page * 4)).allSatisfy { $0 == -1 })
        #expect(table.values((page * 4)..<(page * 34)).allSatisfy { $0 == 7 })
        // Releasing ranges that end inside a page keeps the values around the edges.
        table.release(3..<(page * 2 + 5))
        #expect(table.values(0..<page) == (0..<page).map { Int32($0) })
    }

    @Test func aTableOfRecordsRoundTrips() {
        struct Pair: Equatable {
            var number: Double
            var flag: Bool
        }
        let table = SpillTable<Pair>(memoryLimit: 0)
        let pairs = (0..<5000).map { Pair(number: Double($0) / 3, flag: $0 % 3 == 0) }
        for pair in pairs { table.append(pair) }
        table.release()
        #expect(table.values(0..<5000) == pairs)
    }

    @Test(arguments: [0, Int.max])
    func aNameTableGivesBackEveryName(limit: Int) {
        let names =
            ["", "ana@example.com", "Zoë Ångström", "李雷", String(repeating: "x", count: 5000)]
            + (0..<3000).map { "learner\($0)@example.com" }
        let first = NameTable(memoryLimit: limit)
        let second = NameTable(memoryLimit: limit)
        for name in names.prefix(1000) { first.append(name) }
        for name in names.dropFirst(1000) { second.append(name) }
        first.append(contentsOf: second)
        first.release()
        #expect(first.count == names.count)
        #expect((0..<first.count).map { first[$0] } == names)
    }

    @Test func learnerKeysShareTheNameWhenThereIsNothingToLower() {
        #expect(QuizCollector.key("ana@example.com") == "ana@example.com")
        #expect(QuizCollector.key("Ana@Example.com") == "ana@example.com")
        #expect(QuizCollector.key("ÉLodie") == "élodie")
    }

    /// A learner's key in the maps carries its hash and matches as the names' keys do: without
    /// regard to case, and canonically equivalent spellings alike.
    @Test func learnerKeysMatchAsTheirNamesDo() {
        #expect(LearnerKey("Ana@Example.com") == LearnerKey("ana@example.com"))
        #expect(LearnerKey("\u{E9}lodie") == LearnerKey("E\u{301}lodie"))
        #expect(LearnerKey("ana@example.com") != LearnerKey("ana@example.org"))
        var map: [LearnerKey: Int] = [:]
        for number in 0..<10_000 { map[LearnerKey("Learner\(number)@example.com")] = number }
        #expect(map.count == 10_000)
        #expect(map[LearnerKey("learner1234@EXAMPLE.com")] == 1234)
        #expect(map[LearnerKey("\u{C9}LODIE")] == nil)
        map[LearnerKey("E\u{301}lodie")] = -1
        #expect(map[LearnerKey("\u{C9}lodie")] == -1)
    }

    /// A slice's map of learners is sized once for the whole slice when its learners come a
    /// row after the other, and left to grow for a sheet in question order.
    @Test func aSliceMapIsSizedOnceForLearnersInOrder() {
        var grouped: [LearnerKey: Int] = [:]
        LongRowReader.reserve(&grouped, learners: 4096, rows: 40_960, read: 1 << 20, of: 100 << 20)
        #expect(grouped.capacity >= 4096 * 100)
        var questionOrder: [LearnerKey: Int] = [:]
        LongRowReader.reserve(
            &questionOrder, learners: 4096, rows: 4096, read: 1 << 20, of: 100 << 20)
        #expect(questionOrder.capacity < 4096 * 2)
        var capped: [LearnerKey: Int] = [:]
        LongRowReader.reserve(&capped, learners: 4096, rows: 8192, read: 4096, of: 1 << 20)
        #expect(capped.capacity >= (1 << 20) / 16 && capped.capacity < 4 * (1 << 20) / 16)
        var whole: [LearnerKey: Int] = [:]
        LongRowReader.reserve(&whole, learners: 4096, rows: 8192, read: 1 << 20, of: 1 << 20)
        #expect(whole.capacity < 4096 * 2)
    }

    /// A large sheet read and graded twice, once with every table in a temporary file: the
    /// cohort, the rejected rows and every report are the same.
    @Test func aCohortGradedFromFilesReportsWhatOneInMemoryReports() throws {
        let bank = GradingFixtures.bank
        // Copies of a generated sheet, each with its own learners: more than 4,096 learners, so
        // they are graded in slices, in a sheet read in slices.
        let body = GraderTests.sheet(bank: bank, quiz: "q", learners: 400, seed: 9)
            .replacingOccurrences(of: "\"", with: "")
            .split(separator: "\n")
            .filter { $0.split(separator: ",", omittingEmptySubsequences: false).count <= 4 }
            .dropFirst().joined(separator: "\n")
        var text = "learner,quiz,question,answer\n"
        for copy in 0..<11 {
            text += body.replacingOccurrences(of: "@example.com", with: "@c\(copy).example.com")
            text += "\n"
        }
        // Learners met again at the end: one new answer is kept, a second answer rejected.
        text += "l1@c0.example.com,q,q/listen-first,true\nl2@c1.example.com,q,q/refund,b\n"
        func run(limit: Int) throws -> (Cohort, SheetReader, GradeReport) {
            let reader = SheetReader(bank: bank)
            reader.tableMemoryLimit = limit
            reader.parallelThreshold = 1 << 16
            try reader.read(file: "big.csv", bytes: Array(text.utf8))
            let cohort = try reader.cohort()
            let graded = Grader.grade(bank: bank, cohort: cohort)
            return (cohort, reader, GradeReport(graded: graded, rejected: reader.rejected))
        }
        let (memoryCohort, memoryReader, memory) = try run(limit: Int.max)
        let (fileCohort, fileReader, file) = try run(limit: 0)
        #expect(fileCohort.table.isSpilled)
        #expect(!memoryCohort.table.isSpilled)
        #expect(file.graded.learners.records.isSpilled)
        #expect(fileCohort.learners.count > 4096)
        #expect(
            memoryReader.parallelReads == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 : 0)
        )
        #expect(fileReader.parallelReads == memoryReader.parallelReads)
        #expect(fileCohort.responses == memoryCohort.responses)
        #expect(fileReader.rejected == memoryReader.rejected)
        #expect(!fileReader.rejected.isEmpty)
        let formats: [(ReportFormat, items: Bool, marks: Bool)] = [
            (.json, false, false), (.csv, false, false), (.csv, true, false), (.csv, false, true),
            (.table, false, false), (.html, false, false), (.markdown, false, false),
        ]
        for (format, items, marks) in formats {
            var pieces: [UInt8] = []
            GradeRendering.render(
                file, format: format, itemsTable: items, marksTable: marks, width: 100
            ) { pieces += $0 }
            let whole = GradeRendering.render(
                memory, format: format, itemsTable: items, marksTable: marks, width: 100)
            #expect(pieces == whole, "\(format) items \(items) marks \(marks)")
        }
        // The learners who need help, read in slices, are those read in one pass, in order.
        let onePass = HelpList(file.graded, slices: 1)
        let sliced = HelpList(file.graded, slices: 7)
        #expect(onePass.count == sliced.count && onePass.count > 100)
        #expect(
            zip(onePass, sliced).allSatisfy {
                $0.learner == $1.learner && $0.percent == $1.percent && $0.weakest == $1.weakest
                    && $0.place.start == $1.place.start && $0.place.plan == $1.place.plan
            })
        #expect(zip(onePass, onePass.dropFirst()).allSatisfy { $0.percent <= $1.percent })
    }

    /// A read weighs the bytes it may map that the read before did not: the rows passed over
    /// for a read further on, every table's fault-around for any other read (or one far
    /// ahead). A pass in order, or reads with gaps (the `needsHelp` entries of a percent), map
    /// the tables once and are released once per `releaseBytes` of them; reads in any order
    /// are released every `releaseBytes` of fault-arounds.
    @Test func readsWeighTheBytesTheyMayMap() {
        let jump = GradedLearners.tablesRead * GradedLearners.faultAroundBytes
        #expect(GradedLearners.weight(10, after: 9, rowBytes: 200) == 200)
        #expect(GradedLearners.weight(0, after: -1, rowBytes: 200) == 200)
        #expect(GradedLearners.weight(0, after: Int.max, rowBytes: 200) == jump)
        #expect(GradedLearners.weight(73, after: 9, rowBytes: 200) == 64 * 200)
        #expect(GradedLearners.weight(5_000, after: 9, rowBytes: 200) == jump)
        #expect(GradedLearners.weight(8, after: 9, rowBytes: 200) == jump)
        #expect(GradedLearners.weight(9, after: 9, rowBytes: 200) == jump)
        #expect(GradedLearners.weight(Int.max, after: Int.min, rowBytes: 200) == jump)
        #expect(GradedLearners.weight(Int.max, after: 0, rowBytes: 200) == jump)
        #expect(GradedLearners.weight(3, after: 2, rowBytes: 0) == 1)
        let every = GradedLearners.releaseBytes
        let row = 256
        func releases(_ positions: [Int]) -> Int {
            let counter = ReadCounter()
            var previous = Int.max
            return positions.filter { position in
                defer { previous = position }
                return counter.next(
                    weight: GradedLearners.weight(position, after: previous, rowBytes: row),
                    every: every)
            }.count
        }
        let count = 4 * every / row
        // In order: released once per `releaseBytes` of rows.
        #expect(releases(Array(0..<count)) == 4)
        // Every tenth learner, in ten sweeps (a percent after the other): each sweep maps the
        // rows once (the ten jumps back to the front add less than a release).
        let sweeps = (0..<10).flatMap { sweep in stride(from: sweep, to: count, by: 10) }
        #expect(releases(sweeps) == 40)
        // In any order: every table's fault-around per read.
        let scattered = (0..<count).map { ($0 * 7_919) % count }
        #expect(releases(scattered) == count * jump / every)
    }
}
