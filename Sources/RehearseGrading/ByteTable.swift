import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A small open-addressing hash table from byte strings to integers: looks refs and learner ids up
/// straight from a sheet's bytes, without making a `String` per row.
struct ByteTable: Sendable {
    private var storage: [UInt8] = []
    /// Per slot: start in `storage`, length, value; length -1 marks an empty slot.
    private var starts: [Int]
    private var lengths: [Int]
    private var values: [Int]
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        starts = [Int](repeating: 0, count: size)
        lengths = [Int](repeating: -1, count: size)
        values = [Int](repeating: 0, count: size)
    }

    /// A fast hash of a short byte string: eight bytes per multiply.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    func value(for bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = lengths.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        return storage.withUnsafeBufferPointer { stored in
            while true {
                let length = lengths[slot]
                if length < 0 { return nil }
                if length == bytes.count,
                    SheetBytes.same(
                        UnsafeBufferPointer(
                            rebasing: stored[starts[slot]..<(starts[slot] + length)]),
                        bytes)
                {
                    return values[slot]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func value(for text: String) -> Int? {
        var copy = text
        return copy.withUTF8 { value(for: $0) }
    }

    /// Adds `bytes` with `value` unless present; returns the value stored.
    @discardableResult
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, value: Int) -> Int {
        if let found = self.value(for: bytes) { return found }
        if (count + 1) * 2 > lengths.count { grow() }
        let mask = lengths.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while lengths[slot] >= 0 { slot = (slot + 1) & mask }
        starts[slot] = storage.count
        lengths[slot] = bytes.count
        values[slot] = value
        storage.append(contentsOf: bytes)
        count += 1
        return value
    }

    @discardableResult
    mutating func insert(_ text: String, value: Int) -> Int {
        var copy = text
        return copy.withUTF8 { insert($0, value: value) }
    }

    private mutating func grow() {
        let old = (storage, starts, lengths, values)
        let size = lengths.count * 2
        storage = []
        starts = [Int](repeating: 0, count: size)
        lengths = [Int](repeating: -1, count: size)
        values = [Int](repeating: 0, count: size)
        count = 0
        old.0.withUnsafeBufferPointer { stored in
            for slot in old.2.indices where old.2[slot] >= 0 {
                let key = UnsafeBufferPointer(
                    rebasing: stored[old.1[slot]..<(old.1[slot] + old.2[slot])])
                insert(key, value: old.3[slot])
            }
        }
    }
}
