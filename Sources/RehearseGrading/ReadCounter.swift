import Synchronization

/// Counts reads from any thread.
final class ReadCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// The number of reads before this one.
    func next() -> Int { count.add(1, ordering: .relaxed).oldValue }

    /// What has been counted so far.
    var total: Int { count.load(ordering: .relaxed) }

    /// Counts a read worth `weight`; true when the count passes a multiple of `every` (time to
    /// give pages back).
    func next(weight: Int, every: Int) -> Bool {
        let before = count.add(weight, ordering: .relaxed).oldValue
        return before / every != (before + weight) / every
    }
}
