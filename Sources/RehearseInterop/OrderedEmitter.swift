import Synchronization

/// Hands pieces finished in any order, on any thread, to `emit` in their order, each as soon
/// as every piece before it is done: an export's runs go to the file while later runs are
/// still being written. One thread emits at a time; the others leave their piece and go on.
final class OrderedEmitter: Sendable {
    private struct State {
        var next = 0
        var ready: [Int: [[UInt8]]] = [:]
        var emitting = false
    }

    private let state = Mutex(State())
    private let emit: @Sendable ([UInt8]) -> Void

    init(_ emit: @escaping @Sendable ([UInt8]) -> Void) {
        self.emit = emit
    }

    /// Piece `index` (from 0, each index once) is done.
    func finished(_ index: Int, _ piece: [UInt8]) {
        finished(index, pieces: [piece])
    }

    /// Piece `index` (from 0, each index once) is done, in parts emitted one after the other.
    func finished(_ index: Int, pieces: [[UInt8]]) {
        let emits = state.withLock { state -> Bool in
            state.ready[index] = pieces
            if state.emitting { return false }
            state.emitting = true
            return true
        }
        guard emits else { return }
        while true {
            // Taken and given up under the lock, so a piece left while this thread emits is
            // either in the next batch or finds `emitting` false and emits itself.
            let batch = state.withLock { state -> [[UInt8]] in
                var batch: [[UInt8]] = []
                while let pieces = state.ready.removeValue(forKey: state.next) {
                    batch += pieces
                    state.next += 1
                }
                if batch.isEmpty { state.emitting = false }
                return batch
            }
            if batch.isEmpty { return }
            for piece in batch { emit(piece) }
        }
    }
}
