import Foundation
import Testing

@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

/// The fast time codec of progress files gives what the formatters give.
struct ProgressTimeTests {
    @Test func formattingEqualsTheFormatterOnSeededTimes() {
        var generator = SeededGenerator(seed: 11)
        let formatter = ISO8601DateFormatter()
        let latest = RehearseClock.latest.timeIntervalSince1970
        var times: [Double] = [0, latest, 951_782_400, 4_107_542_400, 1_767_225_599]
        for _ in 0..<20_000 {
            times.append(Double(Int64.random(in: 0...Int64(latest), using: &generator)))
        }
        for _ in 0..<200 { times.append(Double.random(in: 0...latest, using: &generator)) }
        for seconds in times {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ProgressTime.format(date) == formatter.string(from: date), "\(seconds)")
        }
    }

    @Test func parsingEqualsTheRuleOnSeededTexts() {
        var generator = SeededGenerator(seed: 12)
        let formatter = ISO8601DateFormatter()
        var texts = [
            "2026-02-29T00:00:00Z", "2024-02-29T23:59:59Z", "2026-13-01T00:00:00Z",
            "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z",
            "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "2026-01-01T00:00:00.5Z",
            "2026-01-01", "2026-01-01T00:00:00+02:00", "2026-01-0lT00:00:00Z", "",
        ]
        for _ in 0..<20_000 {
            let seconds = Int64.random(
                in: 0...Int64(RehearseClock.latest.timeIntervalSince1970), using: &generator)
            var text = Array(
                formatter.string(from: Date(timeIntervalSince1970: Double(seconds))).utf8)
            if Int.random(in: 0..<4, using: &generator) == 0 {
                // A digit changed: sometimes a field out of range.
                let place =
                    [2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].randomElement(using: &generator) ?? 0
                text[place] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator)
            }
            texts.append(String(decoding: text, as: UTF8.self))
        }
        for text in texts {
            #expect(ProgressTime.parse(text) == RehearseClock.parse(text), "\(text)")
            #expect(ProgressTime.parseInternet(text) == formatter.date(from: text), "\(text)")
        }
    }

    @Test func theStoreEncoderWritesWhatTheSharedEncoderWrites() throws {
        var progress = LearnerProgress(learner: "ana@example.com")
        progress.apply(
            [
                ReviewEvent(
                    ref: "q/1", rating: .good, at: Date(timeIntervalSince1970: 1_767_225_600)),
                ReviewEvent(
                    ref: "q/2", rating: .again, at: Date(timeIntervalSince1970: 1_767_312_345)),
            ])
        let shared = try AttemptRecord.makeEncoder().encode(progress)
        let fast = try ProgressTime.encoder().encode(progress)
        #expect(shared == fast)
        let back = try ProgressTime.decoder().decode(LearnerProgress.self, from: fast)
        #expect(
            back == (try AttemptRecord.makeDecoder().decode(LearnerProgress.self, from: shared)))
    }
}
