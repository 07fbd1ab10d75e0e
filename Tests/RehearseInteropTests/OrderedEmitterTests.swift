import Dispatch
import Synchronization
import Testing

@testable import RehearseInterop

/// Pieces finished on many threads in a shuffled order come out once each, in order.
@Suite struct OrderedEmitterTests {
    @Test(arguments: [1, 2, 7, 500])
    func piecesComeOutInOrderWhateverOrderTheyFinishIn(count: Int) {
        let emitted = Mutex<[Int]>([])
        let emitter = OrderedEmitter { piece in
            emitted.withLock { $0.append(Int(piece[0]) << 8 | Int(piece[1])) }
        }
        var order = Array(0..<count)
        var state: UInt64 = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        for index in order.indices.reversed() where index > 0 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        let shuffled = order
        DispatchQueue.concurrentPerform(iterations: count) { slot in
            let index = shuffled[slot]
            emitter.finished(index, [UInt8(index >> 8), UInt8(index & 0xFF)])
        }
        #expect(emitted.withLock { $0 } == Array(0..<count))
    }
}
