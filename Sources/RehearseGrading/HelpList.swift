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
    }

    private let table: SpillTable<Packed>
    private let overflow: [Int: [Int]]

    /// The learners who need help in `graded`, lowest percent first (ties in the cohort's order).
    init(_ graded: GradedCohort) {
        let pass = graded.passPercent
        var packed: [Packed] = []
        var overflow: [Int: [Int]] = [:]
        for (offset, learner) in graded.learners.enumerated() {
            let scored = learner.competencies.enumerated().compactMap { competency, score in
                score.percent.map { (competency, $0) }
            }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            let below = scored.filter { $0.1 < pass }
            guard !learner.passed || !below.isEmpty else { continue }
            let weakest = (below.isEmpty ? Array(scored.prefix(1)) : below)
                .prefix(HelpEntry.weakestLimit).map(\.0)
            var bits = UInt64(weakest.count) << 48
            for (slot, competency) in weakest.enumerated() {
                bits |= UInt64(truncatingIfNeeded: competency & 0xFFFF) << (16 * UInt64(slot))
            }
            if weakest.contains(where: { $0 > 0xFFFF }) { overflow[offset] = weakest }
            packed.append(Packed(learner: offset, percent: learner.percent, weakest: bits))
        }
        packed.sort {
            $0.percent != $1.percent ? $0.percent < $1.percent : $0.learner < $1.learner
        }
        let table = SpillTable<Packed>(memoryLimit: graded.learners.records.memoryLimit)
        packed.withUnsafeBufferPointer { table.append(contentsOf: $0) }
        table.release()
        self.table = table
        self.overflow = overflow
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { table.count }

    public subscript(position: Int) -> HelpEntry {
        let entry = table[position]
        if position % GradedLearners.releaseEvery == 0 { table.release() }
        if let list = overflow[entry.learner] {
            return HelpEntry(learner: entry.learner, percent: entry.percent, weakest: list)
        }
        let count = Int(entry.weakest >> 48)
        let weakest = (0..<count).map { Int((entry.weakest >> (16 * UInt64($0))) & 0xFFFF) }
        return HelpEntry(learner: entry.learner, percent: entry.percent, weakest: weakest)
    }
}
