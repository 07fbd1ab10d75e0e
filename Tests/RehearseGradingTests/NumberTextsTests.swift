import Testing

@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseScoring

/// `NumberTexts` writes every number as `JSONWriter.number` does, whether the number is kept,
/// was kept and then replaced by another in its slot, or is too long to keep.
@Suite struct NumberTextsTests {
    private func written(_ values: [Double]) -> ([UInt8], [UInt8]) {
        var cache = NumberTexts()
        var cached = JSONWriter()
        var plain = JSONWriter()
        for value in values {
            cache.write(value, into: &cached)
            cached.raw(",")
            plain.number(value)
            plain.raw(",")
        }
        return (cached.bytes, plain.bytes)
    }

    @Test func writesWhatTheWriterWrites() {
        var generator = SeededGenerator(seed: 11)
        // Percents of a short quiz (few values, each met again and again), scores, and
        // numbers of every size: far more distinct values than slots, so slots are reused.
        var values: [Double] = []
        for _ in 0..<20_000 {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: values.append(Double(Int.random(in: 0...12, using: &generator)) / 12 * 100)
            case 1: values.append(Double(Int.random(in: 0...400, using: &generator)) / 4)
            case 2: values.append(Double.random(in: -1e6...1e6, using: &generator))
            default:
                values.append(
                    Double(
                        sign: .plus, exponent: Int.random(in: -300...300, using: &generator),
                        significand: Double.random(in: 1..<2, using: &generator)))
            }
        }
        let (cached, plain) = written(values)
        // The first difference, with some text around it (the whole would be a long message).
        let first = zip(cached, plain).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        let at = first ?? Swift.min(cached.count, plain.count)
        let window = Swift.max(0, at - 40)..<(at + 40)
        #expect(
            cached.count == plain.count && first == nil,
            "at byte \(at): \(String(decoding: cached[window.clamped(to: cached.indices)], as: UTF8.self)) against \(String(decoding: plain[window.clamped(to: plain.indices)], as: UTF8.self))"
        )
    }

    @Test func specialValues() {
        let values: [Double] = [
            0, -0.0, .nan, .infinity, -.infinity, 1e15, 1e-9, 66.666666667, 1.0 / 3,
            .greatestFiniteMagnitude, .leastNonzeroMagnitude, 0, -0.0, .nan, 1.0 / 3,
        ]
        let (cached, plain) = written(values)
        #expect(String(decoding: cached, as: UTF8.self) == String(decoding: plain, as: UTF8.self))
    }
}
