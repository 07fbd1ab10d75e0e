/// A stable fingerprint of file contents (64-bit FNV-1a, hex): tells whether a quiz changed
/// since an attempt was made. Not a security measure.
public struct ContentHash: Sendable, Hashable {
    private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func combine<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        // Contiguous bytes (an array, a string's UTF-8) are read through a buffer: the generic
        // loop is not specialised across modules and cost a fifth of loading a large bank.
        let hashed = bytes.withContiguousStorageIfAvailable { buffer in
            var state = self.state
            for byte in buffer {
                state ^= UInt64(byte)
                state = state &* 0x0000_0100_0000_01B3
            }
            return state
        }
        if let hashed {
            state = hashed
            return
        }
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    public mutating func combine(_ text: String) {
        combine(text.utf8)
        combine([0])
    }

    public var hex: String {
        let digits = String(state, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func of<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash.hex
    }
}
