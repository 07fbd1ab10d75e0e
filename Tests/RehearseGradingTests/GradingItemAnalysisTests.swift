import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

@Suite("Item analysis")
struct GradingItemAnalysisTests {
    /// Moodle's own fixture: results00.csv read with no option reproduces qstats00.csv to 1e-6.
    @Test(.enabled(if: MoodleFixtures.available, "Moodle's fixture is not beside the repository"))
    func moodleFixture() throws {
        let read = try MarksReader.read(
            file: "results00.csv", bytes: MoodleFixtures.bytes("results00.csv"))
        #expect(read.rejected.isEmpty)
        #expect(read.notes == ["column `summarks` is the row total; left out of the items"])
        #expect(read.matrix.items.count == 7)
        #expect(read.matrix.maxima == [Double](repeating: 1, count: 7))
        let analysis = ItemAnalysis.analyse(read.matrix)
        let expected = try CSVParser.records(
            MoodleFixtures.bytes("qstats00.csv"), delimiter: UInt8(ascii: ",")
        ).dropFirst().map { $0.fields.compactMap(Double.init) }
        #expect(expected.count == 7)
        for (item, row) in zip(analysis.items, expected) {
            let got: [Double?] = [
                item.facility, item.sd, item.effectiveWeight.map { $0 * 100 }, item.covariance,
                item.markVariance, item.restVariance, item.discrimination.map { $0 * 100 },
                item.covarianceMax, item.efficiency.map { $0 * 100 },
            ]
            for (value, want) in zip(got, row.dropFirst()) {
                let value = try #require(value)
                #expect(abs(value - want) < 1e-6, "\(item.ref): \(value) vs \(want)")
            }
        }
    }

    /// KR-20 on 0/1 items: alpha by hand for a small matrix.
    @Test func testStatisticsByHand() {
        // Four learners, three 0/1 items.
        let rows: [[Double]] = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]
        let marks = (0..<3).flatMap { item in rows.map { $0[item] } }
        let matrix = MarksMatrix(
            items: ["a", "b", "c"], maxima: [1, 1, 1], learners: ["w", "x", "y", "z"], marks: marks)
        let (items, test) = ItemAnalysis.analyse(matrix)
        #expect(matrix.totals == [3, 2, 1, 0])
        #expect(test.mean == 1.5)
        #expect(test.median == 1.5)
        let variance = 5.0 / 3  // totals 3,2,1,0 around 1.5
        #expect(abs((test.sd ?? 0) - variance.squareRoot()) < 1e-12)
        // Item variances (n - 1): a: 0.25, b: 1/3, c: 0.25.
        let alpha = 3.0 / 2 * (1 - (0.25 + 1.0 / 3 + 0.25) / variance)
        #expect(abs((test.alpha ?? 0) - alpha) < 1e-12)
        #expect(abs((test.sem ?? 0) - (1 - alpha).squareRoot() * variance.squareRoot()) < 1e-12)
        #expect(test.skewness == 0)
        #expect(items.map(\.facility) == [0.75, 0.5, 0.25])
    }

    @Test func flagsAndMissingMarks() {
        // Item "easy": everyone right; item "odd": right only for the weakest.
        let nan = Double.nan
        // Item-major: easy, then odd, then skipped (two learners did not meet it).
        let marks: [Double] = [
            1, 1, 1, 1, 1,
            0, 0, 0, 0, 1,
            1, nan, 0, nan, 0,
        ]
        let matrix = MarksMatrix(
            items: ["easy", "odd", "skipped"], maxima: [1, 1, 1],
            learners: ["a", "b", "c", "d", "e"], marks: marks,
            totals: [5, 4, 3, 2, 1])
        let (items, _) = ItemAnalysis.analyse(matrix)
        #expect(items[0].flags == ["too easy"])
        #expect(items[1].flags.contains("low discrimination"))
        #expect(items[2].attempts == 3)
    }

    @Test func marksReaderOptions() throws {
        let text = "name;q1;q2;total\nann;2;1,5;3,5\nbob;4;;4\ncat;x;2;2\n"
        let read = try MarksReader.read(file: "m.csv", bytes: Array(text.utf8))
        #expect(read.matrix.items == ["q1", "q2"])
        #expect(read.matrix.maxima == [4, 2])
        #expect(read.rejected.map(\.column) == [2])
        #expect(read.matrix.unanswered == [1, 1])
        let fixed = try MarksReader.read(
            file: "m.csv", bytes: Array(text.utf8), learnerColumn: "q2", maxMark: 5)
        #expect(fixed.matrix.learners == ["1,5", "", "2"])
        #expect(fixed.matrix.maxima.allSatisfy { $0 == 5 })
    }

    /// How many items are analysed at once (a group's columns, and a batch of them on all
    /// cores, as a large cohort is analysed) changes no statistic, to the last bit: items met
    /// by everyone, by some, with a few distinct marks and with many.
    @Test func groupsAndBatchesGiveTheSameStatistics() {
        var generator = SeededGenerator(seed: 15)
        let learners = 400
        let items = 7
        var marks: [Double] = []
        for item in 0..<items {
            for _ in 0..<learners {
                let met = item % 2 == 0 || Int.random(in: 0..<4, using: &generator) > 0
                let mark =
                    item == 3
                    ? Double(Int.random(in: 0...100, using: &generator)) / 10
                    : Double(Int.random(in: 0...item, using: &generator))
                marks.append(met ? mark : .nan)
            }
        }
        let matrix = MarksMatrix(
            items: (0..<items).map { "q\($0)" }, maxima: (0..<items).map { Double($0 + 1) },
            learners: (0..<learners).map { "l\($0)" }, marks: marks)
        func fields(_ analysis: (items: [ItemStatistics], test: TestStatistics)) -> [String] {
            analysis.items.map { item in
                let values: [Double?] = [
                    item.facility, item.sd, item.discrimination, item.efficiency,
                    item.effectiveWeight, item.covariance, item.markVariance,
                    item.restVariance, item.covarianceMax,
                ]
                return "\(item.ref) \(item.attempts) \(values.map { $0?.bitPattern }) \(item.flags)"
            } + ["\(analysis.test)"]
        }
        let whole = fields(ItemAnalysis.analyse(matrix))
        #expect(whole.count == items + 1)
        for (group, batch) in [(1, 1), (3, 2), (7, 1), (16, 2)] {
            #expect(
                fields(ItemAnalysis.analyse(matrix, group: group, batch: batch)) == whole,
                "group \(group), batch \(batch)")
        }
    }

    /// Learners in ascending order of their total, ties in their own order: counted by value
    /// as the sort gives them, with few distinct totals (zeros of both signs among them) and
    /// with more than the limit, and the median from that order as from a sort.
    @Test(arguments: [1, 3, 50, 5000] as [Int])
    func learnersInOrderOfTheirTotal(distinct: Int) {
        var generator = SeededGenerator(seed: UInt64(distinct))
        for count in [0, 1, 2, 9, 2_000] {
            let totals: [Double] = (0..<count).map { _ in
                let value = Double(Int.random(in: 0..<distinct, using: &generator)) / 2 - 1
                return value == 0 && Bool.random(using: &generator) ? -0.0 : value
            }
            let sorted = totals.indices.sorted { totals[$0] < totals[$1] }
            #expect(ascendingOrder(of: totals) == sorted, "\(distinct), \(count)")
            #expect(
                ascendingOrder(of: totals, distinctLimit: 2) == sorted,
                "\(distinct), \(count), past the limit")
            let ordered = sorted.map { totals[$0] }
            #expect(
                ItemAnalysis.testStatistics(
                    totals: totals, items: 3, sumOfMarkVariance: 1, sorted: ordered)
                    == ItemAnalysis.testStatistics(totals: totals, items: 3, sumOfMarkVariance: 1))
        }
    }

    /// The pairs behind the efficiency's maximum covariance: for learners in order of their
    /// total, the marks and the rest scores each sorted ascending, as a plain sort gives them,
    /// whether the marks take a few values (laid out by bucket and merged) or many.
    @Test(arguments: [2, 3, 16, 17, 40] as [Int])
    func sortedPairsAreBothSorted(distinctMarks: Int) {
        var generator = SeededGenerator(seed: UInt64(distinctMarks))
        for count in [0, 1, 2, 7, 300] {
            var learners: [(mark: Double, total: Double)] = (0..<count).map { _ in
                let mark = Double(Int.random(in: 0..<distinctMarks, using: &generator)) / 2
                return (mark, mark + Double(Int.random(in: 0...50, using: &generator)))
            }
            learners.sort { $0.total < $1.total }
            let x = learners.map(\.mark)
            let totals = learners.map(\.total)
            let rest = zip(totals, x).map { $0 - $1 }
            let sorted = x.withUnsafeBufferPointer { x in
                totals.withUnsafeBufferPointer { ItemAnalysis.sortedPairs(x, totals: $0) }
            }
            let sortedX = sorted.marks.flatMap { repeatElement($0.value, count: $0.count) }
            #expect(sortedX == x.sorted(), "\(distinctMarks) marks, \(count) learners")
            #expect(sorted.rest == rest.sorted(), "\(distinctMarks) marks, \(count) learners")
            #expect(sorted.marks.allSatisfy { $0.count > 0 })
        }
    }
}
