import Foundation

/// Lists laid out one after the other: their values, and where each list starts in them (and
/// after the last, where it ends).
func flattened<Element>(_ lists: some Collection<[Element]>) -> (values: [Element], starts: [Int]) {
    var values: [Element] = []
    values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    var starts: [Int] = []
    starts.reserveCapacity(lists.count + 1)
    for list in lists {
        starts.append(values.count)
        values.append(contentsOf: list)
    }
    starts.append(values.count)
    return (values, starts)
}

/// The cohort's distinct plans (blocks in plan order) in one flat table, read through
/// `withView` with no reference counting. A plan kept as an array of its own is shared by every
/// learner on it: the threads of a report, reading a learner each, would retain and release the
/// same array, both cores taking turns at its count's cache line for every learner.
struct PlanTable: Sendable {
    private let blocks: [Int]
    /// Where each plan starts in `blocks`, and after the last, where the last ends.
    private let starts: [Int]

    init(_ plans: [[Int]]) {
        (blocks, starts) = flattened(plans)
    }

    /// Runs `body` with a view of the plans valid for its duration.
    func withView<R>(_ body: (View) -> R) -> R {
        blocks.withUnsafeBufferPointer { blocks in
            starts.withUnsafeBufferPointer { starts in body(View(blocks: blocks, starts: starts)) }
        }
    }

    /// A view of the table, valid inside `withView`.
    struct View {
        let blocks: UnsafeBufferPointer<Int>
        let starts: UnsafeBufferPointer<Int>

        /// Plan number `plan`'s blocks.
        @inline(__always)
        subscript(plan: Int) -> UnsafeBufferPointer<Int> {
            UnsafeBufferPointer(rebasing: blocks[starts[plan]..<starts[plan + 1]])
        }
    }
}

extension GradedLearners {
    /// The plans in a flat table (see `PlanTable`), for readers on several threads.
    var planTable: PlanTable { PlanTable(plans) }

    /// One thread's reader of learners' plans and outcome numbers, made by `withOutcomeReader`
    /// (a report's piece makes one). It counts what its reads may map (`weight`) by itself and
    /// adds it to the cohort's count a few megabytes at a time: a count shared by every read
    /// would have the threads take turns at its cache line for every learner.
    struct OutcomeReader {
        fileprivate let learners: GradedLearners
        fileprivate let plans: PlanTable.View
        fileprivate let records: UnsafeBufferPointer<Record>
        fileprivate let outcomes: UnsafeBufferPointer<Int32>
        fileprivate let rowBytes: Int
        /// The weight of the reads not yet added to the cohort's count.
        fileprivate var unreported = 0

        /// The weight a reader keeps to itself before adding it to the cohort's count: the
        /// pages mapped between two releases stay within `releaseBytes` and this much per
        /// thread.
        static let reportBytes = GradedLearners.releaseBytes / 4

        /// Runs `body` with the learner's plan (blocks in plan order) and the outcome number of
        /// each block (both valid during `body`). `previous`: the learner this reader read
        /// before (see `GradedLearners.weight`).
        @inline(__always)
        mutating func withOutcomes<R>(
            _ position: Int, after previous: Int,
            _ body: (_ blocks: UnsafeBufferPointer<Int>, _ outcomes: UnsafeBufferPointer<Int32>)
                -> R
        ) -> R {
            let record = records[position]
            return withOutcomes(
                position, after: previous, at: OutcomePlace(start: record.start, plan: record.plan),
                body)
        }

        /// `withOutcomes(_:after:_:)` for a learner whose `place` is known (kept by a reader
        /// that reads the outcomes later without the learner's record: `HelpList`).
        @inline(__always)
        mutating func withOutcomes<R>(
            _ position: Int, after previous: Int, at place: OutcomePlace,
            _ body: (_ blocks: UnsafeBufferPointer<Int>, _ outcomes: UnsafeBufferPointer<Int32>)
                -> R
        ) -> R {
            unreported += GradedLearners.weight(position, after: previous, rowBytes: rowBytes)
            if unreported >= Self.reportBytes { report() }
            let plan = plans[Int(place.plan)]
            return body(
                plan,
                UnsafeBufferPointer(rebasing: outcomes[place.start..<(place.start + plan.count)]))
        }

        /// Adds the reads' weight to the cohort's count, giving the tables' pages back each
        /// time the count passes `releaseBytes`.
        fileprivate mutating func report() {
            if learners.reads.next(weight: unreported, every: GradedLearners.releaseBytes) {
                learners.release()
            }
            unreported = 0
        }
    }

    /// Runs `body` with a reader of the learners' outcomes for one thread, `plans` being this
    /// cohort's `planTable` (made once and shared by the threads).
    func withOutcomeReader<R>(plans: PlanTable, _ body: (inout OutcomeReader) -> R) -> R {
        plans.withView { view in
            var reader = OutcomeReader(
                learners: self, plans: view, records: UnsafeBufferPointer(records.buffer),
                outcomes: UnsafeBufferPointer(outcomes.buffer), rowBytes: rowBytes)
            let result = body(&reader)
            if reader.unreported > 0 { reader.report() }
            return result
        }
    }
}
