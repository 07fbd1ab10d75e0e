import Testing

@testable import RehearseCore

@Suite struct UTF8ValidationTests {
    @Test(
        arguments: [
            ([UInt8]("plain ASCII, longer than eight bytes".utf8), nil),
            (Array("é中😀 after the wide ones".utf8), nil),
            ([0x61, 0xC0, 0x80], 1),  // overlong NUL
            ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),  // a surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // past U+10FFFF
            ([0x61, 0xE2, 0x82], 1),  // cut short
            (Array("0123456789".utf8) + [0xFF], 10),  // after an ASCII run of eight
            ([0x80], 0),  // a lone continuation byte
        ] as [([UInt8], Int?)])
    func firstInvalidOffset(bytes: [UInt8], expected: Int?) {
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == expected)
        // Foundation agrees on validity.
        #expect((String(validating: bytes, as: UTF8.self) != nil) == (expected == nil))
    }

    /// A bad byte or a valid wide character at every offset around the 32- and 8-byte runs.
    @Test func everyOffsetAcrossTheRuns() {
        let ascii = [UInt8](repeating: 0x61, count: 100)
        for offset in 0..<ascii.count {
            var bad = ascii
            bad[offset] = 0xFF
            #expect(UTF8Validation.firstInvalidOffset(in: bad) == offset, "0xFF at \(offset)")
            var wide = ascii
            wide.replaceSubrange(offset..<Swift.min(ascii.count, offset + 3), with: Array("中".utf8))
            #expect(UTF8Validation.firstInvalidOffset(in: wide) == nil, "中 at \(offset)")
            var cut = Array(ascii[..<offset])
            cut += [0xE4, 0xB8]
            #expect(UTF8Validation.firstInvalidOffset(in: cut) == offset, "cut at \(offset)")
        }
    }
}
