import Synchronization

/// Counts reads from any thread.
final class ReadCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// The number of reads before this one.
    func next() -> Int { count.add(1, ordering: .relaxed).oldValue }
}
