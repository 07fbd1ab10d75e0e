import Foundation
import Testing

@testable import RehearseCore

/// The hand-read `YYYY-MM-DDTHH:MM:SSZ` gives what ISO8601DateFormatter gives, and leaves
/// everything else to it.
struct ClockParseTests {
    private func formatted(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    @Test func seededTimesReadAsTheFormatterReadsThem() {
        var generator = SplitMix(seed: 7)
        let formatter = ISO8601DateFormatter()
        for _ in 0..<2000 {
            let seconds = Double(generator.next() % 253_402_300_800)
            let text = formatter.string(from: Date(timeIntervalSince1970: seconds))
            #expect(RehearseClock.parseUTCSeconds(text) == formatted(text), "\(text)")
            #expect(RehearseClock.parseUTCSeconds(text) != nil, "\(text)")
        }
    }

    @Test(arguments: [
        "1970-01-01T00:00:00Z", "2000-02-29T12:00:00Z", "2024-02-29T23:59:59Z",
        "2100-02-28T00:00:00Z", "9999-12-31T23:59:59Z", "2026-03-01T09:00:00Z",
    ])
    func edgeDays(text: String) {
        #expect(RehearseClock.parseUTCSeconds(text) == formatted(text))
        #expect(RehearseClock.parse(text) == formatted(text))
    }

    /// Out of range, other forms and non-digits are not read by hand; `parse` still reads the
    /// forms the formatters know.
    @Test(arguments: [
        "2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z",
        "2026-03-01T09:00:60Z", "1969-12-31T23:59:59Z", "2026-03-01T09:00:00+01:00",
        "2026-03-01T09:00:00.250Z", "2026-03-01", "2026-03-01t09:00:00Z", "2026-03-01T09:00:0xZ",
        "2026-03-01 09:00:00Z",
    ])
    func otherFormsGoToTheFormatters(text: String) {
        #expect(RehearseClock.parseUTCSeconds(text) == nil)
    }

    @Test func offsetsAndFractionsAreStillRead() {
        #expect(
            RehearseClock.parse("2026-03-01T10:00:00+01:00")
                == RehearseClock.parse("2026-03-01T09:00:00Z"))
        #expect(
            RehearseClock.parse("2026-03-01T09:00:00.500Z")?.timeIntervalSince1970
                == (RehearseClock.parse("2026-03-01T09:00:00Z")?.timeIntervalSince1970 ?? 0) + 0.5)
    }

    /// A small seeded generator (SplitMix64).
    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }
}
