import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Classical test theory statistics of one item, as Moodle's quiz statistics report defines them.
/// Fractions, not percentages: `facility` 0-1, `sd` a fraction of the item's maximum,
/// `discrimination` and `efficiency` -1..1, `effectiveWeight` 0-1.
public struct ItemStatistics: Sendable {
    public var ref: String
    /// The item's maximum mark.
    public var max: Double
    /// How many learners met the item (answered it or left it empty).
    public var attempts: Int
    /// Learners who met the item and left it unanswered.
    public var unanswered: Int
    /// Mean mark / maximum.
    public var facility: Double?
    /// Standard deviation of the mark / maximum.
    public var sd: Double?
    /// Correlation of the item mark with the rest of the test (the total without this item).
    public var discrimination: Double?
    /// Covariance with the rest of the test over its largest possible value.
    public var efficiency: Double?
    /// sqrt(cov(item, total)) over the sum of that for every item; nil when negative.
    public var effectiveWeight: Double?
    /// Covariance of the item mark with the rest of the test.
    public var covariance: Double?
    public var markVariance: Double?
    public var restVariance: Double?
    public var covarianceMax: Double?
    /// How often each option was chosen (choice and multi questions).
    public var options: [(id: String, count: Int)]
    /// `too easy`, `too hard`, `low discrimination`.
    public var flags: [String]
}

/// Statistics of the whole test (learners' totals).
public struct TestStatistics: Sendable, Hashable {
    public var learners: Int
    public var mean: Double?
    public var median: Double?
    public var sd: Double?
    public var skewness: Double?
    public var kurtosis: Double?
    /// Cronbach's alpha (KR-20 for 0/1 items), a fraction.
    public var alpha: Double?
    /// sqrt(1 - alpha), a fraction.
    public var errorRatio: Double?
    /// Standard error of measurement, in marks: error ratio x SD.
    public var sem: Double?
}

/// A matrix of marks: one row per learner, one column per item; NaN where a learner did not meet
/// the item (a step off their path, a scenario not drawn).
public struct MarksMatrix: Sendable {
    public var items: [String]
    public var maxima: [Double]
    public var learners: [String]
    /// Item-major: `marks[item * learners.count + learner]`.
    public var marks: [Double]
    /// Per learner: the total mark (the sum of the row unless given).
    public var totals: [Double]
    /// Per item: learners who met the item but left it unanswered.
    public var unanswered: [Int]
    /// Per item: option counts.
    public var options: [[(id: String, count: Int)]]

    public init(
        items: [String], maxima: [Double], learners: [String], marks: [Double],
        totals: [Double]? = nil, unanswered: [Int]? = nil,
        options: [[(id: String, count: Int)]]? = nil
    ) {
        self.items = items
        self.maxima = maxima
        self.learners = learners
        self.marks = marks
        self.unanswered = unanswered ?? Array(repeating: 0, count: items.count)
        self.options = options ?? Array(repeating: [], count: items.count)
        if let totals {
            self.totals = totals
        } else {
            var sums = [Double](repeating: 0, count: learners.count)
            for item in items.indices {
                for learner in learners.indices {
                    let mark = marks[item * learners.count + learner]
                    if !mark.isNaN { sums[learner] += mark }
                }
            }
            self.totals = sums
        }
    }

    public func mark(item: Int, learner: Int) -> Double { marks[item * learners.count + learner] }
}

/// Item and test statistics (classical test theory) exactly as Moodle's quiz statistics compute
/// them: variances divide by n - 1; "rest of test" is the total minus the item; discrimination is
/// the correlation of the two; the covariance maximum pairs both after sorting each; effective
/// weight is sqrt(cov(item, total)) over the sum of those that are not negative; Cronbach's alpha
/// is p / (p - 1) x (1 - sum of item variances / total variance); skewness and kurtosis use
/// Moodle's k-statistics.
public enum ItemAnalysis {
    /// Facility outside this range flags an item.
    public static let facilityRange = 0.1...0.9
    /// Cohorts of this many learners and more have their items analysed `largeBatch` at a time
    /// (each item needs an array or two of every learner's marks); smaller ones a group at once.
    static let parallelLimit = 1 << 18
    static let largeBatch = 2
    /// Discrimination below this flags an item.
    public static let minimumDiscrimination = 0.2

    public static func analyse(_ matrix: MarksMatrix, group: Int = 16, batch: Int? = nil) -> (
        items: [ItemStatistics], test: TestStatistics
    ) {
        let count = matrix.learners.count
        let groups = stride(from: 0, to: matrix.items.count, by: Swift.max(1, group)).map {
            $0..<Swift.min(matrix.items.count, $0 + Swift.max(1, group))
        }
        return analyse(
            items: matrix.items, maxima: matrix.maxima, totals: matrix.totals,
            unanswered: matrix.unanswered, options: matrix.options, groups: groups, batch: batch
        ) { items, rank in
            var columns = [Double](repeating: .nan, count: items.count * count)
            for (column, item) in items.enumerated() {
                for learner in 0..<count {
                    columns[column * count + Int(rank[learner])] =
                        matrix.marks[item * count + learner]
                }
            }
            return MarkColumns(marks: columns, count: count)
        }
    }

    /// The statistics of items whose marks `columns(items, rank)` gives, a group of items at a
    /// time (item after item, every learner's mark at their `rank`, their place in ascending
    /// order of their total, NaN where the learner did not meet the item), so no matrix of marks
    /// needs to exist. Each item's marks are then read front to back, in the order its
    /// statistics need. `batch` items are analysed at once (all of a group for a small cohort).
    static func analyse(
        items refs: [String], maxima: [Double], totals: [Double], unanswered: [Int],
        options: [[(id: String, count: Int)]], groups: [Range<Int>], batch: Int? = nil,
        columns: (Range<Int>, _ rank: [Int32]) -> MarkColumns
    ) -> (items: [ItemStatistics], test: TestStatistics) {
        let count = totals.count
        var items: [ItemStatistics] = []
        var covariancesWithTotal: [Double?] = []
        var sumOfMarkVariance = 0.0
        // Learners in ascending order of their total (see `sortedPairs`), each one's place in
        // that order, and the totals in it.
        // (The order itself goes once these are made: a large cohort's analysis is its peak.)
        let (rank, orderedTotals) = {
            let order = ascendingOrder(of: totals)
            var rank = [Int32](repeating: 0, count: count)
            for (place, learner) in order.enumerated() { rank[learner] = Int32(place) }
            return (rank, order.map { totals[$0] })
        }()
        var analysed: [(ItemStatistics, Double?)] = []
        precondition(groups.joined().elementsEqual(refs.indices), "groups must cover the items")
        for range in groups {
            let start = range.lowerBound
            let marks = columns(range, rank)
            // Items are independent: analysed on all cores, results in item order; a few at a
            // time for a large cohort.
            let batch = Swift.max(
                1, batch ?? (count < Self.parallelLimit ? range.count : Self.largeBatch))
            let batches = stride(from: range.lowerBound, to: range.upperBound, by: batch).map {
                Array($0..<Swift.min(range.upperBound, $0 + batch))
            }
            analysed += batches.flatMap { batch in
                parallelMap(batch) { item in
                    marks.withColumn(item - start) { column in
                        orderedTotals.withUnsafeBufferPointer { orderedTotals in
                            analyseItem(
                                ref: refs[item], max: maxima[item], column: column,
                                totals: orderedTotals, unanswered: unanswered[item],
                                options: options[item])
                        }
                    }
                }
            }
        }
        for (statistics, covarianceWithTotal) in analysed {
            sumOfMarkVariance += statistics.markVariance ?? 0
            items.append(statistics)
            covariancesWithTotal.append(covarianceWithTotal)
        }
        let sumOfRoots = covariancesWithTotal.reduce(0.0) { sum, value in
            guard let value, value >= 0 else { return sum }
            return sum + value.squareRoot()
        }
        for item in items.indices {
            if let covariance = covariancesWithTotal[item], covariance >= 0, sumOfRoots > 0 {
                items[item].effectiveWeight = covariance.squareRoot() / sumOfRoots
            }
        }
        let test = testStatistics(
            totals: totals, items: refs.count, sumOfMarkVariance: sumOfMarkVariance,
            sorted: orderedTotals)
        return (items, test)
    }

    /// The statistics of an item from its marks of every learner (`column`, learners in
    /// ascending order of their total, NaN where a learner did not meet it) and the totals in
    /// that order. The learners who met it are copied out only when some did not.
    static func analyseItem(
        ref: String, max: Double, column: UnsafeBufferPointer<Double>,
        totals: UnsafeBufferPointer<Double>, unanswered: Int,
        options: [(id: String, count: Int)]
    ) -> (ItemStatistics, Double?) {
        guard column.contains(where: \.isNaN) else {
            return analyseItem(
                ref: ref, max: max, x: column, totals: totals, unanswered: unanswered,
                options: options)
        }
        var x: [Double] = []
        var t: [Double] = []
        for place in column.indices where !column[place].isNaN {
            x.append(column[place])
            t.append(totals[place])
        }
        return x.withUnsafeBufferPointer { x in
            t.withUnsafeBufferPointer { t in
                analyseItem(
                    ref: ref, max: max, x: x, totals: t, unanswered: unanswered,
                    options: options)
            }
        }
    }

    /// The statistics of an item from the marks `x` of the learners who met it, in ascending
    /// order of their `totals`. The rest of the test (total - mark) is computed where it is
    /// needed, never stored but sorted.
    static func analyseItem(
        ref: String, max: Double, x: UnsafeBufferPointer<Double>,
        totals: UnsafeBufferPointer<Double>, unanswered: Int,
        options: [(id: String, count: Int)]
    ) -> (ItemStatistics, Double?) {
        var result = ItemStatistics(
            ref: ref, max: max, attempts: x.count, unanswered: unanswered, options: options,
            flags: [])
        let n = Double(x.count)
        guard x.count > 0 else { return (result, nil) }
        let meanX = x.reduce(0, +) / n
        result.facility = max > 0 ? meanX / max : nil
        var covarianceWithTotal: Double?
        if x.count > 1 {
            var sumRest = 0.0
            for index in x.indices { sumRest += totals[index] - x[index] }
            let meanRest = sumRest / n
            let meanTotal = totals.reduce(0, +) / n
            var sxx = 0.0
            var soo = 0.0
            var sxo = 0.0
            var sxt = 0.0
            for index in x.indices {
                let dx = x[index] - meanX
                let dOther = (totals[index] - x[index]) - meanRest
                sxx += dx * dx
                soo += dOther * dOther
                sxo += dx * dOther
                sxt += dx * (totals[index] - meanTotal)
            }
            let markVariance = sxx / (n - 1)
            let restVariance = soo / (n - 1)
            let covariance = sxo / (n - 1)
            result.markVariance = markVariance
            result.restVariance = restVariance
            result.covariance = covariance
            result.sd = max > 0 ? markVariance.squareRoot() / max : nil
            covarianceWithTotal = sxt / (n - 1)
            if markVariance * restVariance > 0 {
                result.discrimination = covariance / (markVariance * restVariance).squareRoot()
            }
            let sorted = sortedPairs(x, totals: totals)
            var sMax = 0.0
            var index = 0
            for run in sorted.marks {
                let dx = run.value - meanX
                for _ in 0..<run.count {
                    sMax += dx * (sorted.rest[index] - meanRest)
                    index += 1
                }
            }
            let covarianceMax = sMax / (n - 1)
            result.covarianceMax = covarianceMax
            if covarianceMax != 0 { result.efficiency = covariance / covarianceMax }
        }
        if let facility = result.facility, !facilityRange.contains(facility) {
            result.flags.append(facility < facilityRange.lowerBound ? "too hard" : "too easy")
        }
        if let discrimination = result.discrimination, discrimination < minimumDiscrimination {
            result.flags.append("low discrimination")
        }
        return (result, covarianceWithTotal)
    }

    /// The marks `x` and the rest scores (total - mark) each sorted ascending, given learners
    /// in ascending order of their `totals`: the marks as runs of equal values. Marks take few
    /// distinct values, so they are sorted by counting them, and the rest scores are laid out
    /// bucket by bucket of the learners' marks: within a bucket rest = total - mark follows the
    /// total, so it is already ascending, and the standard sort (which finds and merges runs)
    /// merges the buckets. With many distinct marks, a plain sort of both.
    static func sortedPairs(_ x: UnsafeBufferPointer<Double>, totals: UnsafeBufferPointer<Double>)
        -> (marks: [(value: Double, count: Int)], rest: [Double])
    {
        // One pass: each learner's mark is numbered in order of first sight.
        let limit = 16
        var values: [Double] = []
        var seen = [UInt8](repeating: 0, count: x.count)
        let few = seen.withUnsafeMutableBufferPointer { seen in
            for learner in x.indices {
                let mark = x[learner]
                var number = 0
                while number < values.count, values[number] != mark { number += 1 }
                if number == values.count {
                    if values.count == limit { return false }
                    values.append(mark)
                }
                seen[learner] = UInt8(number)
            }
            return true
        }
        guard few else {
            var marks: [(value: Double, count: Int)] = []
            for mark in x.sorted() {
                if let last = marks.last, last.value == mark {
                    marks[marks.count - 1].count += 1
                } else {
                    marks.append((mark, 1))
                }
            }
            var rest = (0..<x.count).map { totals[$0] - x[$0] }
            rest.sort()
            return (marks, rest)
        }
        // The marks in ascending order, each with how many learners have it, and where its
        // bucket starts once laid out.
        let order = values.indices.sorted { values[$0] < values[$1] }
        var bucketOf = [Int](repeating: 0, count: values.count)
        for (bucket, number) in order.enumerated() { bucketOf[number] = bucket }
        var starts = [Int](repeating: 0, count: values.count + 1)
        for number in seen { starts[bucketOf[Int(number)] + 1] += 1 }
        let marks = order.enumerated().map { bucket, number in
            (value: values[number], count: starts[bucket + 1])
        }
        for bucket in values.indices { starts[bucket + 1] += starts[bucket] }
        var rest = [Double](repeating: 0, count: x.count)
        rest.withUnsafeMutableBufferPointer { sorted in
            for learner in x.indices {
                let bucket = bucketOf[Int(seen[learner])]
                sorted[starts[bucket]] = totals[learner] - x[learner]
                starts[bucket] += 1
            }
        }
        rest.sort()
        return (marks, rest)
    }

    /// Mean, median, SD, skewness, kurtosis, alpha, error ratio and standard error of `totals`.
    /// `sorted`: the totals in ascending order, when the caller has them.
    public static func testStatistics(
        totals: [Double], items: Int, sumOfMarkVariance: Double, sorted: [Double]? = nil
    ) -> TestStatistics {
        var result = TestStatistics(learners: totals.count)
        let s = Double(totals.count)
        guard !totals.isEmpty else { return result }
        let mean = totals.reduce(0, +) / s
        result.mean = mean
        let sorted = sorted ?? totals.sorted()
        let middle = sorted.count / 2
        result.median =
            sorted.count % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
        guard totals.count > 1 else { return result }
        var power2 = 0.0
        var power3 = 0.0
        var power4 = 0.0
        for total in totals {
            let d = total - mean
            power2 += d * d
            power3 += d * d * d
            power4 += d * d * d * d
        }
        let sd = (power2 / (s - 1)).squareRoot()
        result.sd = sd
        guard totals.count > 2 else { return result }
        let m2 = power2 / s
        let m3 = power3 / s
        let m4 = power4 / s
        let k2 = s * m2 / (s - 1)
        let k3 = s * s * m3 / ((s - 1) * (s - 2))
        guard k2 != 0 else { return result }
        result.skewness = k3 / pow(k2, 1.5)
        if totals.count > 3 {
            let k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
            result.kurtosis = k4 / (k2 * k2)
        }
        if items > 1 {
            let p = Double(items)
            let alpha = p / (p - 1) * (1 - sumOfMarkVariance / k2)
            result.alpha = alpha
            if alpha <= 1 {
                let errorRatio = (1 - alpha).squareRoot()
                result.errorRatio = errorRatio
                result.sem = errorRatio * sd
            }
        }
        return result
    }
}
