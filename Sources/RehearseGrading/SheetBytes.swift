import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Byte-level helpers of the sheet readers: cutting a buffer into slices at line breaks, and the
/// scan made before a mapped sheet is read (valid UTF-8? any `"`?).
enum SheetBytes {
    /// `buffer` cut into at most `count` slices, each (but the last) ending just after a line
    /// feed. No UTF-8 sequence holds a line feed, and in a sheet without `"` every line feed
    /// ends a record.
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

    /// Is `buffer` valid UTF-8 (`SheetText.isValidUTF8`), and does it hold a `"`? On all cores
    /// for a large buffer.
    /// The pages scanned are released as the scan goes (`PageRelease`): nothing is changed
    /// yet, so the reader finds the same bytes, and the sheet never sits in memory whole.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> (valid: Bool, hasQuote: Bool) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, buffer.count >= 1 << 20 else { return scanInSteps(buffer) }
        nonisolated(unsafe) let shared = buffer
        let parts = parallelMap(lineSlices(buffer, count: workers)) { range in
            scanInSteps(UnsafeBufferPointer(rebasing: shared[range]))
        }
        return (parts.allSatisfy(\.valid), parts.contains(where: \.hasQuote))
    }

    /// `scan` on one thread, in steps cut at line breaks, releasing each step's pages.
    private static func scanInSteps(_ buffer: UnsafeBufferPointer<UInt8>) -> (
        valid: Bool, hasQuote: Bool
    ) {
        var pages = PageRelease(buffer)
        var valid = true
        var hasQuote = false
        var start = 0
        while start < buffer.count {
            var end = Swift.min(buffer.count, start + pages.step)
            while end < buffer.count, buffer[end - 1] != 10 { end += 1 }
            let step = UnsafeBufferPointer(rebasing: buffer[start..<end])
            valid = valid && SheetText.isValidUTF8(step)
            hasQuote = hasQuote || contains(UInt8(ascii: "\""), in: step)
            pages.release(upTo: end)
            start = end
        }
        return (valid, hasQuote)
    }

    /// Does `byte` occur in `buffer`? (Eight bytes at a time.)
    static func contains(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let mask = UInt64(byte) &* CSVParser.ones
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            if CSVParser.hasByte(word, mask) { return true }
            offset += 8
        }
        while offset < buffer.count {
            if buffer[offset] == byte { return true }
            offset += 1
        }
        return false
    }

    /// Do two byte strings hold the same bytes?
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }
}
