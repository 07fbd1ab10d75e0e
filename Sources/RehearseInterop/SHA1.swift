/// SHA-1 (FIPS 180-4), for name-based UUIDs (RFC 4122 version 5) only: xAPI statement ids are
/// derived from an attempt and a question, so sending twice stores once. Not a security measure.
///
/// A value type with its block held inline: copying a hasher after a common prefix (the
/// namespace and the attempt of every statement id) and finishing the copies costs no
/// allocation.
public struct SHA1: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0
    )
    /// The bytes of the block being filled, `used` of them so far.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
        0, 0, 0, 0, 0, 0, 0, 0
    )
    private var used = 0
    private var length: UInt64 = 0

    public init() {}

    /// Adds bytes to the message.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let contiguous: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
            return true
        }
        if contiguous == nil {
            for byte in bytes { update(byte) }
        }
    }

    /// Adds one byte to the message.
    public mutating func update(_ byte: UInt8) {
        let position = used
        withUnsafeMutableBytes(of: &block) { $0[position] = byte }
        used += 1
        length &+= 1
        if used == 64 { compressBlock() }
    }

    /// Adds the bytes of a buffer to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if used > 0 {
            let position = used
            let taken = min(64 - position, remaining)
            withUnsafeMutableBytes(of: &block) {
                $0.baseAddress.unsafelyUnwrapped.advanced(by: position)
                    .copyMemory(from: source, byteCount: taken)
            }
            used += taken
            source += taken
            remaining -= taken
            if used < 64 { return }
            compressBlock()
        }
        while remaining >= 64 {
            compress(source)
            source += 64
            remaining -= 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &block) {
                $0.baseAddress.unsafelyUnwrapped.copyMemory(from: source, byteCount: remaining)
            }
            used = remaining
        }
    }

    /// The 20-byte digest of everything added.
    public mutating func finish() -> [UInt8] {
        let words = finishWords()
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [words.0, words.1, words.2, words.3, words.4] {
            for shift in stride(from: 24, through: 0, by: -8) {
                digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
            }
        }
        return digest
    }

    /// The digest of everything added, as five big-endian words.
    mutating func finishWords() -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        let bits = length &* 8
        let position = used
        // 0x80, zeros, and the length in bits in the last 8 bytes; a block with no room left
        // for the length is finished with zeros and one more block follows.
        withUnsafeMutableBytes(of: &block) { buffer in
            buffer[position] = 0x80
            for index in (position + 1)..<64 { buffer[index] = 0 }
        }
        if position >= 56 {
            used = 64
            compressBlock()
            block = (0, 0, 0, 0, 0, 0, 0, 0)
        }
        withUnsafeMutableBytes(of: &block) { buffer in
            for index in 0..<8 {
                buffer[56 + index] = UInt8(truncatingIfNeeded: bits >> UInt64(56 - index * 8))
            }
        }
        used = 64
        compressBlock()
        return state
    }

    /// The digest of `bytes`.
    public static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var sha = SHA1()
        sha.update(bytes)
        return sha.finish()
    }

    private mutating func compressBlock() {
        var copy = block
        withUnsafeBytes(of: &copy) { compress($0.baseAddress.unsafelyUnwrapped) }
        used = 0
    }

    /// Folds one 64-byte block into the state. The message schedule is kept as a ring of 16
    /// words on the stack.
    private mutating func compress(_ bytes: UnsafeRawPointer) {
        var (a, b, c, d, e) = state
        var ring: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            0, 0, 0, 0, 0, 0, 0, 0
        )
        withUnsafeMutableBytes(of: &ring) { raw in
            let words = raw.bindMemory(to: UInt32.self)
            for index in 0..<16 {
                words[index] = UInt32(
                    bigEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            }
            for index in 0..<80 {
                let word: UInt32
                if index < 16 {
                    word = words[index]
                } else {
                    let mixed =
                        words[(index - 3) & 15] ^ words[(index - 8) & 15]
                        ^ words[(index - 14) & 15] ^ words[index & 15]
                    word = mixed << 1 | mixed >> 31
                    words[index & 15] = word
                }
                let f: UInt32
                let k: UInt32
                if index < 20 {
                    f = (b & c) | (~b & d)
                    k = 0x5A82_7999
                } else if index < 40 {
                    f = b ^ c ^ d
                    k = 0x6ED9_EBA1
                } else if index < 60 {
                    f = (b & c) | (b & d) | (c & d)
                    k = 0x8F1B_BCDC
                } else {
                    f = b ^ c ^ d
                    k = 0xCA62_C1D6
                }
                let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ word
                e = d
                d = c
                c = b << 30 | b >> 2
                b = a
                a = temp
            }
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
    }
}
