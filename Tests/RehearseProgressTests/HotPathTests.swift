import Foundation
import Testing

@testable import RehearseProgress
@testable import RehearseScoring

/// The hot path of reading a progress file (`ProgressMigration.decodeRegular`) is a
/// specialisation of the full path (`decodeFully`), never a second set of rules: on seeded
/// regular files and seeded damage to them (numbers and times out of range, nulls, wrong types,
/// renamed, repeated and escaped keys, bytes flipped, dropped or added) both must give the same
/// progress, the same unknown members, or the same error.
@Suite struct HotPathTests {
    static let learner = "ana@example.com"

    static func time(_ generator: inout SeededGenerator) -> Date {
        Date(
            timeIntervalSince1970: Double(
                Int.random(in: 1_600_000_000...1_900_000_000, using: &generator)))
    }

    /// A progress file as the store writes it, with seeded content.
    static func regular(_ generator: inout SeededGenerator) throws -> [UInt8] {
        let texts = ["a", "b,c", "say \"hi\"", "line\nbreak", "café ☕", "tab\there", "\u{7F}", ""]
        var progress = LearnerProgress(learner: learner)
        for index in 0..<Int.random(in: 0...3, using: &generator) {
            let start = time(&generator)
            let answers = (0..<Int.random(in: 0...6, using: &generator)).map { offset in
                AttemptRecord.Answer(
                    ref: "quiz/q\(offset)" + (offset == 5 ? "\u{1B}" : ""),
                    answer: texts.randomElement(using: &generator) ?? "",
                    score: Bool.random(using: &generator) ? Double(offset) / 2 : nil,
                    max: Bool.random(using: &generator) ? 1 : nil,
                    answeredAt: Bool.random(using: &generator) ? start : nil)
            }
            var attempt = AttemptRecord(
                id: "a\(index)", learner: learner, quiz: "quiz", quizHash: "h", mode: "practice",
                seed: UInt64.random(in: 0...UInt64.max, using: &generator),
                status: Bool.random(using: &generator) ? .finished : .unfinished,
                startedAt: start, finishedAt: start.addingTimeInterval(60), answers: answers,
                score: 2.5, max: 6, percent: 41.5, passed: false, competencies: ["empathy": 40])
            if Bool.random(using: &generator) { attempt.timeFactor = 1.5 }
            progress.attempts.append(attempt)
        }
        for offset in 0..<Int.random(in: 0...6, using: &generator) {
            let last = time(&generator)
            progress.items["quiz/q\(offset)" + (offset == 4 ? "\"é" : "")] = MemoryState(
                stability: Double.random(in: 0.001...500, using: &generator),
                difficulty: Double.random(in: 1...10, using: &generator),
                due: last.addingTimeInterval(86_400), lastReview: last,
                reps: Int.random(in: 0...50, using: &generator), lapses: 2)
        }
        if Bool.random(using: &generator) {
            progress.reviewAnswers = [
                ReviewAnswer(
                    ref: "quiz/q1", at: time(&generator), score: 1, max: 1,
                    competencies: ["empathy"])
            ]
        }
        if Bool.random(using: &generator) { progress.profile = LearnerProfile(timeFactor: 2) }
        return try ProgressFileWriter.bytes(of: progress) + [0x0A]
    }

    /// The places of values and keys in a file as the store writes it.
    static func places(_ text: String, _ pattern: String) -> [NSRange] {
        let expression = try? NSRegularExpression(pattern: pattern)
        return expression?.matches(in: text, range: NSRange(text.startIndex..., in: text))
            .map(\.range) ?? []
    }

    /// One seeded piece of damage.
    static func damage(_ bytes: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let numbers = places(text, #"(?<=: )-?[0-9][0-9.eE+-]*"#)
        let strings = places(text, #"(?<=: )"(?:[^"\\]|\\.)*""#)
        let keys = places(text, #""[A-Za-z]+"(?= : )"#)
        let replacements = [
            "-1", "0", "1e13", "-1e13", "11", "0.5", "1e400", "null", "\"x\"", "true", "[]", "{}",
            "1000000001", "2.0", "-0", "18446744073709551616", "\"2026-13-01T00:00:00Z\"",
            "\"1969-12-31T23:59:59Z\"", "\"2026-01-01T00:00:00+01:00\"", "\"2026-01-01\"",
            "\"a\\u0000b\"", "\"\"",
        ]
        let keyNames = [
            "\"ref\"", "\"answer\"", "\"score\"", "\"max\"", "\"answeredAt\"", "\"stability\"",
            "\"difficulty\"", "\"due\"", "\"lastReview\"", "\"reps\"", "\"lapses\"", "\"extra\"",
            "\"r\\u0065f\"", "\"items\"", "\"answers\"", "\"version\"",
        ]
        var result = text
        func replace(_ range: NSRange, with value: String) {
            if let range = Range(range, in: result) { result.replaceSubrange(range, with: value) }
        }
        switch Int.random(in: 0..<5, using: &generator) {
        case 0 where !numbers.isEmpty:
            replace(
                numbers.randomElement(using: &generator) ?? NSRange(),
                with: replacements.randomElement(using: &generator) ?? "")
        case 1 where !strings.isEmpty:
            replace(
                strings.randomElement(using: &generator) ?? NSRange(),
                with: replacements.randomElement(using: &generator) ?? "")
        case 2 where !keys.isEmpty:
            replace(
                keys.randomElement(using: &generator) ?? NSRange(),
                with: keyNames.randomElement(using: &generator) ?? "")
        default:
            var damaged = bytes
            let at = Int.random(in: 0..<damaged.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: damaged.remove(at: at)
            case 1: damaged.insert(UInt8.random(in: 0...255, using: &generator), at: at)
            default: damaged[at] = UInt8.random(in: 0...255, using: &generator)
            }
            return damaged
        }
        return Array(result.utf8)
    }

    /// Both paths on the same bytes; returns whether the hot path took them.
    @discardableResult
    static func compare(_ bytes: [UInt8], _ label: String) -> Bool {
        let regular = ProgressMigration.decodeRegular(bytes, learner: learner)
        let full = Result {
            () throws(ProgressMigration.Failure) -> ProgressMigration.Decoded in
            try ProgressMigration.decodeFully(bytes, learner: learner)
        }
        switch (regular, full) {
        case (let fast?, .success(let slow)):
            #expect(fast.progress == slow.progress, "\(label)")
            #expect(fast.migratedFrom == slow.migratedFrom, "\(label)")
            #expect(fast.unknown.top == slow.unknown.top, "\(label)")
            #expect(fast.unknown.attempts == slow.unknown.attempts, "\(label)")
            #expect(fast.unknown.answers == slow.unknown.answers, "\(label)")
            #expect(fast.unknown.items == slow.unknown.items, "\(label)")
        case (let fast?, .failure(let error)):
            Issue.record(
                "\(label): the hot path read \(fast.progress), the full path refused: \(error.reason)"
            )
        case (nil, _):
            break  // the full path decides, so `decode` gives its result or its error
        }
        let through = Result {
            () throws(ProgressMigration.Failure) -> ProgressMigration.Decoded in
            try ProgressMigration.decode(Data(bytes), learner: learner)
        }
        switch (through, full) {
        case (.success(let a), .success(let b)): #expect(a.progress == b.progress, "\(label)")
        case (.failure(let a), .failure(let b)): #expect(a.reason == b.reason, "\(label)")
        default: Issue.record("\(label): decode and the full path disagree")
        }
        return regular != nil
    }

    @Test func theHotPathReadsWhatTheFullPathReads() throws {
        let seed =
            ProcessInfo.processInfo.environment["REHEARSE_TEST_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        var generator = SeededGenerator(seed: seed)
        var (damagedFast, damagedFull) = (0, 0)
        for round in 0..<300 {
            let bytes = try Self.regular(&generator)
            #expect(Self.compare(bytes, "seed \(seed), file \(round)"), "seed \(seed): not hot")
            for attempt in 0..<10 {
                let damaged = Self.damage(bytes, &generator)
                if Self.compare(damaged, "seed \(seed), file \(round), damage \(attempt)") {
                    damagedFast += 1
                } else {
                    damagedFull += 1
                }
            }
        }
        // Both paths were exercised by the damage: some still regular, some not.
        #expect(
            damagedFast > 100 && damagedFull > 100, "seed \(seed): \(damagedFast), \(damagedFull)")
    }
}
