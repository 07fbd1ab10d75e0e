import Dispatch
import Foundation

/// Makes pieces `0..<count` on all cores and hands each to `consume` in order, on the calling
/// thread, as soon as it and every piece before it are made.
///
/// Unlike rounds of `parallelMap`, no core waits at the end of a round for the slowest piece of
/// it: a core that finishes a piece takes the next one. At most `window` pieces are made and not
/// yet consumed, so a consumer that waits (a slow disk) holds the makers back instead of letting
/// the pieces pile up in memory. The calling thread makes pieces too while the next one to
/// consume is not ready. `make` must not call back into this function's caller.
public func forEachPieceInOrder<R: Sendable>(
    count: Int, window: Int? = nil, make: @Sendable (Int) -> R, consume: (R) -> Void
) {
    guard count > 0 else { return }
    let helpers = Swift.min(count - 1, ProcessInfo.processInfo.activeProcessorCount - 1)
    guard helpers > 0 else {
        for index in 0..<count { consume(make(index)) }
        return
    }
    let pieces = OrderedPieces<R>(
        count: count, window: Swift.max(1, window ?? 2 * (helpers + 1)))
    withoutActuallyEscaping(make) { make in
        let group = DispatchGroup()
        for _ in 0..<helpers {
            DispatchQueue.global().async(group: group) { pieces.makeUntilDone(make) }
        }
        for index in 0..<count {
            consume(pieces.take(index, make: make))
            pieces.consumed(index)
        }
        // Every helper has left `make` before it goes out of scope.
        group.wait()
    }
}

/// The shared state of `forEachPieceInOrder`: which piece is made next, which are made and not
/// yet consumed (a ring of `window` slots), guarded by one condition.
private final class OrderedPieces<R: Sendable>: @unchecked Sendable {
    let condition = NSCondition()
    let count: Int
    let window: Int
    /// The next piece to make.
    var next = 0
    /// Pieces before this one have been consumed.
    var consumed = 0
    /// Piece `index` is in slot `index % window` once made.
    var slots: [R?]

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// The next piece to make, claimed, or nil when all are claimed or the window is full.
    /// Called with the condition locked.
    private func claim() -> Int? {
        guard next < count, next < consumed + window else { return nil }
        defer { next += 1 }
        return next
    }

    /// Makes `index` with the condition unlocked, then stores it. Called with it locked.
    private func make(_ index: Int, with make: @Sendable (Int) -> R) {
        condition.unlock()
        let piece = make(index)
        condition.lock()
        slots[index % window] = piece
        condition.broadcast()
    }

    /// A helper's loop: makes pieces while there are any to claim, waits while the window is
    /// full, leaves when every piece is claimed.
    func makeUntilDone(_ make: @Sendable (Int) -> R) {
        condition.lock()
        defer { condition.unlock() }
        while next < count {
            if let index = claim() {
                self.make(index, with: make)
            } else {
                condition.wait()
            }
        }
    }

    /// Piece `index` has been consumed: the window moves on.
    func consumed(_ index: Int) {
        condition.lock()
        consumed = index + 1
        condition.broadcast()
        condition.unlock()
    }

    /// Piece `index` (the consumer's next), making others meanwhile if it is not ready.
    func take(_ index: Int, make: @Sendable (Int) -> R) -> R {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let piece = slots[index % window] {
                slots[index % window] = nil
                return piece
            }
            if let other = claim() {
                self.make(other, with: make)
            } else {
                condition.wait()
            }
        }
    }
}
