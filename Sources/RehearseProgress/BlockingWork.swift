import Foundation
import Synchronization

/// Runs blocking work (flushes to disk) on more threads than there are cores: a thread waiting
/// in `fsync` uses no core, and flushes issued together share the file system's journal
/// commits.
enum BlockingWork {
    /// Calls `body` once for each index in `0..<count`, on up to `threads` threads, and returns
    /// when every call has returned.
    static func forEach(count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(threads, count))
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = Arc(Atomic<Int>(0))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                while true {
                    let index = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    body(index)
                }
                group.leave()
            }
        }
        group.wait()
    }

    /// A shared box for an atomic (atomics are not copyable).
    private final class Arc<Value: ~Copyable>: Sendable where Value: Sendable {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }
}
