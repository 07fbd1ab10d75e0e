import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring
import Synchronization

/// Byte-level helpers of the sheet readers: cutting a buffer into slices at line breaks, and the
/// check of a mapped sheet's encoding (valid UTF-8?), before it is read or just ahead of it.
enum SheetBytes {
    /// `buffer` cut into at most `count` slices, each (but the last) ending just after a line
    /// feed. No UTF-8 sequence holds a line feed, and every line feed outside a quoted field ends
    /// a record (the long reader finds a cut inside one: `LongChunk.endedInQuote`).
    static func lineSlices(_ buffer: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        var starts = [0]
        for slice in 1..<Swift.max(1, count) {
            var position = buffer.count * slice / count
            while position < buffer.count, buffer[position] != 10 { position += 1 }
            if position + 1 < buffer.count, position + 1 > starts[starts.count - 1] {
                starts.append(position + 1)
            }
        }
        return starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : buffer.count)
        }
    }

    /// Is `buffer` valid UTF-8 (`SheetText.isValidUTF8`)? On all cores for a large buffer.
    /// The pages scanned are released as the scan goes (`PageRelease`): the reader finds the
    /// same bytes, and the sheet never sits in memory whole.
    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, buffer.count >= 1 << 20 else { return isValidUTF8InSteps(buffer) }
        nonisolated(unsafe) let shared = buffer
        return parallelMap(lineSlices(buffer, count: workers)) { range in
            isValidUTF8InSteps(UnsafeBufferPointer(rebasing: shared[range]))
        }.allSatisfy { $0 }
    }

    /// `isValidUTF8` on one thread, in steps cut at line breaks, releasing each step's pages.
    private static func isValidUTF8InSteps(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var pages = PageRelease(buffer)
        var start = 0
        while start < buffer.count {
            var end = Swift.min(buffer.count, start + pages.step)
            while end < buffer.count, buffer[end - 1] != 10 { end += 1 }
            guard SheetText.isValidUTF8(UnsafeBufferPointer(rebasing: buffer[start..<end])) else {
                return false
            }
            pages.release(upTo: end)
            start = end
        }
        return true
    }

    /// Do two byte strings hold the same bytes? The reader asks it of every row's learner and
    /// quiz: strings of up to 64 bytes are compared eight bytes at a time in place, the last
    /// eight overlapping the ones before (a call to `memcmp` per field was a fortieth of the
    /// reading).
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        guard count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
        guard count >= 8, count <= 64 else {
            if count > 64 { return memcmp(left, right, count) == 0 }
            for offset in 0..<count where left[offset] != right[offset] { return false }
            return true
        }
        let leftWords = UnsafeRawPointer(left)
        let rightWords = UnsafeRawPointer(right)
        var offset = 0
        while offset + 8 < count {
            guard
                leftWords.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == rightWords.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        return leftWords.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == rightWords.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// The check of a slice made step by step just ahead of its reader instead of before it (one
    /// walk over the sheet, each step checked while its bytes are in the cache): the bytes before
    /// `end` are valid UTF-8. A step ends just after a line feed, so a record that starts before
    /// `end` ends before it, unless a quoted field holds a line break (its bytes past `end` are
    /// checked before the next record is read, and the read of a slice that ends inside quotes
    /// is not kept). Any slice that meets an invalid byte stops every slice (`abandon`), and the
    /// sheet is read the other way.
    struct Ahead {
        let buffer: UnsafeBufferPointer<UInt8>
        let abandon: Abandon
        /// The bytes before this are checked.
        private(set) var end = 0
        static let step = 256 << 10

        init(_ buffer: UnsafeBufferPointer<UInt8>, abandon: Abandon) {
            self.buffer = buffer
            self.abandon = abandon
        }

        /// Checks steps until the record at `offset` lies in checked bytes; false when a step
        /// holds an invalid byte, or another slice's did.
        mutating func cover(_ offset: Int) -> Bool {
            while end <= offset, end < buffer.count {
                if abandon.isSet { return false }
                let stop = SheetBytes.cut(buffer, after: Swift.min(buffer.count, end + Self.step))
                let step = UnsafeBufferPointer(rebasing: buffer[end..<stop])
                guard SheetText.isValidUTF8(step) else {
                    abandon.set()
                    return false
                }
                end = stop
            }
            return true
        }
    }

    /// Where a step that would end at `position` ends: just after a line feed; and, when blank
    /// lines follow it, after them and the line after them, since the reader reads past blank
    /// lines into the next record in one go.
    static func cut(_ buffer: UnsafeBufferPointer<UInt8>, after position: Int) -> Int {
        func endOfLine(_ from: Int) -> Int {
            var stop = from
            while stop < buffer.count, buffer[stop - 1] != 10 { stop += 1 }
            return stop
        }
        var stop = position > 0 ? endOfLine(position) : 0
        var blank = false
        while stop < buffer.count, buffer[stop] == 10 || buffer[stop] == 13 {
            stop = endOfLine(stop + 1)
            blank = true
        }
        if blank, stop < buffer.count { stop = endOfLine(stop + 1) }
        return stop
    }

    /// Set by the first slice that gives up; every slice stops at its next step.
    final class Abandon: Sendable {
        private let flag = Atomic<Bool>(false)
        var isSet: Bool { flag.load(ordering: .relaxed) }
        func set() { flag.store(true, ordering: .relaxed) }
    }
}
