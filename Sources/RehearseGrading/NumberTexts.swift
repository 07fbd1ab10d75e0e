import RehearseCore

/// The JSON texts of the numbers a report writes again and again (a quiz's scores and percents
/// take few values), kept by their bits in a small table: a cache in front of
/// `JSONWriter.number`, which writes each text the first time and whenever another number took
/// its place. One per thread: it is a value that each write changes.
struct NumberTexts {
    /// How many numbers are kept, and the longest text kept.
    static let slots = 1024
    static let longest = 24

    private var keys = [UInt64](repeating: 0, count: slots)
    /// Each slot's text length; 0 for a slot that holds none (every number's text has one byte
    /// or more).
    private var lengths = [UInt8](repeating: 0, count: slots)
    private var texts = [UInt8](repeating: 0, count: slots * longest)

    /// Writes `value` as `JSONWriter.number` writes it.
    mutating func write(_ value: Double, into out: inout JSONWriter) {
        let bits = value.bitPattern
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 54)
        let length = Int(lengths[slot])
        if length > 0, keys[slot] == bits {
            texts.withUnsafeBufferPointer { texts in
                let start = slot * Self.longest
                out.append(UnsafeBufferPointer(rebasing: texts[start..<(start + length)]))
            }
            return
        }
        let start = out.bytes.count
        out.number(value)
        let written = out.bytes.count - start
        guard written <= Self.longest else { return }
        keys[slot] = bits
        lengths[slot] = UInt8(written)
        out.bytes.withUnsafeBufferPointer { bytes in
            texts.withUnsafeMutableBufferPointer { texts in
                for offset in 0..<written {
                    texts[slot * Self.longest + offset] = bytes[start + offset]
                }
            }
        }
    }
}
