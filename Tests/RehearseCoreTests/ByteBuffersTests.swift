import Testing

@testable import RehearseCore

@Suite struct ByteBuffersTests {
    /// A buffer handed back comes out again empty, with its memory: the next piece is written
    /// where the last one was.
    @Test func aBufferHandedBackIsTakenAgainEmptyWithItsRoom() {
        let buffers = ByteBuffers(limit: 2)
        var first = buffers.take(capacity: 1 << 20)
        #expect(first.isEmpty && first.capacity >= 1 << 20)
        first.append(contentsOf: [1, 2, 3])
        let address = first.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        buffers.give(first)
        first = []
        let again = buffers.take(capacity: 16)
        #expect(again.isEmpty)
        #expect(again.capacity >= 1 << 20)
        #expect(again.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == address)
    }

    /// Only `limit` buffers are kept; the rest are let go.
    @Test func atMostLimitAreKept() {
        let buffers = ByteBuffers(limit: 2)
        for _ in 0..<5 { buffers.give([UInt8](repeating: 7, count: 64)) }
        #expect(buffers.count == 2)
        _ = buffers.take(capacity: 1)
        #expect(buffers.count == 1)
        buffers.give([])  // no memory: nothing to keep
        #expect(buffers.count == 1)
    }

    /// A buffer handed back while its giver still holds it is never changed under the giver:
    /// the taker's writes go to a copy.
    @Test func aBufferStillHeldIsNeverWrittenThrough() {
        let buffers = ByteBuffers(limit: 1)
        let held: [UInt8] = Array("kept as it is".utf8)
        buffers.give(held)
        var taken = buffers.take(capacity: 4)
        taken.append(contentsOf: Array("other".utf8))
        #expect(held == Array("kept as it is".utf8))
        #expect(taken == Array("other".utf8))
    }
}
