/// A stable fingerprint of file contents (64-bit FNV-1a, hex): tells whether a quiz changed
/// since an attempt was made. Not a security measure.
public struct ContentHash: Sendable, Hashable {
    private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func combine<C: Collection>(_ bytes: C) where C.Element == UInt8 {
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
