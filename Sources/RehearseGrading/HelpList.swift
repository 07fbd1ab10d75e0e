import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The learners who need help, lowest percent first, kept compact: 24 bytes per learner in a
/// `SpillTable` (most of a large cohort may need help), each read as a `HelpEntry`.
public struct HelpList: RandomAccessCollection, Sendable {
    /// One entry: the learner, their percent, and up to `HelpEntry.weakestLimit` competency
    /// indices (16 bits each, the count in the top 16 bits; `overflow` holds a list that does
    /// not fit).
    struct Packed: Sendable {
        var learner: Int
        var percent: Double
        var weakest: UInt64
        var place: GradedLearners.OutcomePlace
    }

    private let table: SpillTable<Packed>
    private let overflow: [Int: [Int]]

    /// The learners who need help in `graded`, lowest percent first (ties in the cohort's order).
    /// A large cohort's learners are read in slices on all cores (`slices`, for tests, sets how
    /// many).
    init(_ graded: GradedCohort, slices: Int? = nil) {
        let learners = graded.learners
        let count = learners.count
        let cores = ProcessInfo.processInfo.activeProcessorCount * 2
        let slices = Swift.max(1, slices ?? (count < (1 << 16) ? 1 : cores))
        let ranges = (0..<slices).map { (count * $0 / slices)..<(count * ($0 + 1) / slices) }
        let parts = parallelMap(ranges) { Self.entries(graded, range: $0) }
        learners.release()
        var packed: [Packed] = []
        var overflow: [Int: [Int]] = [:]
        packed.reserveCapacity(parts.reduce(0) { $0 + $1.packed.count })
        for part in parts {
            packed += part.packed
            overflow.merge(part.overflow) { first, _ in first }
        }
        // Lowest percent first, ties in the cohort's order (`packed` is in that order).
        packed = ascendingOrder(of: packed.map(\.percent)).map { packed[$0] }
        let table = SpillTable<Packed>(memoryLimit: graded.learners.records.memoryLimit)
        packed.withUnsafeBufferPointer { table.append(contentsOf: $0) }
        table.release()
        self.table = table
        self.overflow = overflow
    }

    /// The entries of the learners in `range` who need help, in the cohort's order, and the
    /// weakest lists that do not fit an entry.
    private static func entries(_ graded: GradedCohort, range: Range<Int>) -> (
        packed: [Packed], overflow: [Int: [Int]]
    ) {
        let pass = graded.passPercent
        var packed: [Packed] = []
        var overflow: [Int: [Int]] = [:]
        // Each learner's standing is read from the tables (no whole `LearnerGrade` is made).
        let learners = graded.learners
        var scored: [(Int, Double)] = []
        for offset in range {
            // A spilled cohort's pages read so far are given back now and then.
            if offset % GradedLearners.releaseEvery == 0 { learners.release() }
            let record = learners.record(offset)
            scored.removeAll(keepingCapacity: true)
            for competency in 0..<learners.competencyCount {
                if let percent = learners.competencyScore(offset, competency).percent {
                    scored.append((competency, percent))
                }
            }
            scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            // Sorted lowest first: the competencies below the pass mark lead.
            let below = scored.firstIndex { $0.1 >= pass } ?? scored.count
            guard !record.passed || below > 0 else { continue }
            let weakest = scored.prefix(
                Swift.min(below == 0 ? 1 : below, HelpEntry.weakestLimit))
            var bits = UInt64(weakest.count) << 48
            for (slot, (competency, _)) in weakest.enumerated() {
                bits |= UInt64(truncatingIfNeeded: competency & 0xFFFF) << (16 * UInt64(slot))
            }
            if weakest.contains(where: { $0.0 > 0xFFFF }) { overflow[offset] = weakest.map(\.0) }
            packed.append(
                Packed(
                    learner: offset, percent: record.percent, weakest: bits,
                    place: .init(start: record.start, plan: record.plan)))
        }
        return (packed, overflow)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { table.count }

    public subscript(position: Int) -> HelpEntry {
        let entry = compact(position)
        return HelpEntry(
            learner: entry.learner, percent: entry.percent, weakest: Array(entry.weakest),
            place: entry.place)
    }

    /// The entry at `position` as kept, its competencies read from their bits: no array is
    /// made (a report reads a million entries).
    func compact(_ position: Int) -> Compact {
        let entry = table[position]
        if position % GradedLearners.releaseEvery == 0 { table.release() }
        let list = overflow.isEmpty ? nil : overflow[entry.learner]
        return Compact(
            learner: entry.learner, percent: entry.percent,
            weakest: Weakest(bits: entry.weakest, list: list), place: entry.place)
    }

    /// An entry as kept (see `HelpEntry`).
    struct Compact {
        let learner: Int
        let percent: Double
        let weakest: Weakest
        let place: GradedLearners.OutcomePlace
    }

    /// An entry's competency indices, weakest first: from its bits (16 each, the count in the
    /// top 16), or the list that did not fit them.
    struct Weakest: RandomAccessCollection {
        let bits: UInt64
        let list: [Int]?

        var startIndex: Int { 0 }
        var endIndex: Int { list?.count ?? Int(bits >> 48) }

        subscript(position: Int) -> Int {
            if let list { return list[position] }
            return Int((bits >> (16 * UInt64(position))) & 0xFFFF)
        }
    }
}
