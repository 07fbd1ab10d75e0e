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

/// The store's file writer writes the bytes Foundation's encoder writes.
struct ProgressFileWriterTests {
    @Test func seededProgressEncodesToTheSameBytes() throws {
        var generator = SeededGenerator(seed: 31)
        let texts = [
            "a", "b/c", "Zoë", "tab\there", "quote\"back\\slash", "emoji 🎧", "\u{1}", "Ω/ω",
        ]
        for round in 0..<60 {
            var progress = LearnerProgress(learner: "l\(round)@example.com")
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                let at = Date(
                    timeIntervalSince1970: Double(
                        Int.random(in: 1_700_000_000...1_800_000_000, using: &generator)))
                let answers = (0..<Int.random(in: 0...6, using: &generator)).map { number in
                    AttemptRecord.Answer(
                        ref: "quiz/\(texts.randomElement(using: &generator) ?? "a")\(number)",
                        answer: texts.randomElement(using: &generator) ?? "",
                        score: [nil, 0, 0.5, 1, 2.25, 1e-7].randomElement(using: &generator) ?? nil,
                        max: Double(Int.random(in: 1...3, using: &generator)),
                        answeredAt: Bool.random(using: &generator) ? at : nil)
                }
                progress.upsert(
                    AttemptRecord(
                        id: "a\(index)", learner: progress.learner, quiz: "quiz",
                        quizHash: "h", mode: "practice",
                        seed: UInt64.random(in: 0...UInt64.max, using: &generator),
                        status: [.finished, .unfinished, .timedOut].randomElement(using: &generator)
                            ?? .finished,
                        startedAt: at, finishedAt: Bool.random(using: &generator) ? at : nil,
                        answers: answers, score: 1.5, max: 3,
                        percent: Double.random(in: 0...100, using: &generator), passed: true,
                        competencies: ["empathy": Double.random(in: 0...100, using: &generator)]))
                if Bool.random(using: &generator) {
                    progress.attempts[progress.attempts.count - 1].timeFactor = 1.5
                }
                progress.apply(
                    answers.map {
                        ReviewEvent(
                            ref: $0.ref,
                            rating: [.again, .hard, .good].randomElement(using: &generator)
                                ?? .good,
                            at: at)
                    })
            }
            if round % 3 == 1 {
                progress.profile = LearnerProfile(timeFactor: round % 2 == 0 ? nil : 2)
                progress.log([
                    ReviewAnswer(
                        ref: "quiz/a", at: Date(timeIntervalSince1970: 1_750_000_000), score: 0.5,
                        max: 1, competencies: round % 2 == 0 ? [] : ["empathy", "Zoë"])
                ])
            }
            let foundation = try ProgressTime.encoder().encode(progress)
            let tree = Data(try ProgressFileWriter.bytes(of: progress))
            let ours = String(decoding: tree, as: UTF8.self).split(separator: "\n")
            let theirs = String(decoding: foundation, as: UTF8.self).split(separator: "\n")
            let first = ours.indices.first { $0 >= theirs.count || ours[$0] != theirs[$0] }
            #expect(
                ours == theirs,
                "round \(round): \(first.map { "`\(ours[$0])` != `\(theirs[$0])`" } ?? "lengths")")
        }
    }

    @Test func aNumberThatIsNotFiniteIsRefused() {
        var progress = LearnerProgress(learner: "a")
        progress.upsert(
            AttemptRecord(
                id: "a", learner: "a", quiz: "q", quizHash: "h", mode: "exam", seed: 1,
                status: .finished, startedAt: Date(timeIntervalSince1970: 0), score: .nan))
        #expect(throws: (any Error).self) { try ProgressFileWriter.bytes(of: progress) }
        #expect(throws: (any Error).self) { try ProgressTime.encoder().encode(progress) }
    }

    /// The writer names every field itself: a field added to one of these types must be added
    /// to the writer too, or this fails.
    @Test func theWriterKnowsEveryField() {
        let at = Date(timeIntervalSince1970: 0)
        let counts = [
            Mirror(reflecting: LearnerProgress(learner: "a")).children.count,
            Mirror(
                reflecting: AttemptRecord(
                    id: "a", learner: "a", quiz: "q", quizHash: "h", mode: "exam", seed: 1,
                    status: .finished, startedAt: at)
            ).children.count,
            Mirror(reflecting: AttemptRecord.Answer(ref: "r", answer: "a")).children.count,
            Mirror(
                reflecting: MemoryState(
                    stability: 1, difficulty: 1, due: at, lastReview: at, reps: 1, lapses: 0)
            ).children.count,
            Mirror(
                reflecting: ReviewAnswer(ref: "r", at: at, score: 1, max: 1, competencies: [])
            ).children.count,
            Mirror(reflecting: LearnerProfile()).children.count,
        ]
        #expect(counts == [7, 18, 5, 6, 5, 1])
    }
}

/// The tree decoder reads what Foundation's decoder reads.
struct StrictJSONDecoderTests {
    @Test func seededFilesDecodeToTheSameProgress() throws {
        var generator = SeededGenerator(seed: 41)
        for round in 0..<40 {
            var progress = LearnerProgress(learner: "l\(round)@example.com")
            for index in 0..<Int.random(in: 0...3, using: &generator) {
                let at = Date(
                    timeIntervalSince1970: Double(
                        Int.random(in: 1_700_000_000...1_800_000_000, using: &generator)))
                let answers = (0..<Int.random(in: 0...5, using: &generator)).map { number in
                    AttemptRecord.Answer(
                        ref: "quiz/q\(number)", answer: "é\(number)",
                        score: [nil, 0, 0.5, 1].randomElement(using: &generator) ?? nil,
                        max: 1, answeredAt: Bool.random(using: &generator) ? at : nil)
                }
                progress.upsert(
                    AttemptRecord(
                        id: "a\(index)", learner: progress.learner, quiz: "quiz", quizHash: "h",
                        mode: "practice",
                        seed: UInt64.random(in: 0...UInt64.max, using: &generator),
                        status: .finished, startedAt: at, finishedAt: at, answers: answers,
                        score: 1, max: 2, percent: Double.random(in: 0...100, using: &generator),
                        passed: false, competencies: nil))
                progress.apply(
                    answers.map { ReviewEvent(ref: $0.ref, rating: .hard, at: at) })
            }
            let data = Data(try ProgressFileWriter.bytes(of: progress))
            let tree = try StrictJSONDecoder.decode(
                LearnerProgress.self, from: StrictJSON.parse(Array(data)))
            #expect(tree == progress, "round \(round)")
            #expect(tree == (try ProgressTime.decoder().decode(LearnerProgress.self, from: data)))
        }
    }

    /// The answers and memory states read without the `Decoder` machinery fall back to it for
    /// anything irregular, so the error names the place.
    @Test func anIrregularAnswerIsReportedWithItsPlace() throws {
        let text =
            #"{"format": "rehearse-progress", "version": 1, "learner": "a", "items": {}, "attempts": [{"format": "rehearse-attempt", "version": 1, "id": "a", "learner": "a", "quiz": "q", "quizHash": "h", "mode": "exam", "seed": 1, "status": "finished", "startedAt": "2026-01-01T00:00:00Z", "answers": [{"ref": "q/1", "answer": "a"}, {"ref": "q/2", "answer": 3}]}]}"#
        let document = try StrictJSON.parse(Array(text.utf8))
        do {
            _ = try StrictJSONDecoder.decode(LearnerProgress.self, from: document)
            Issue.record("decoded")
        } catch {
            #expect(
                ProgressMigration.describe(error) == "wrong type at attempts.[0].answers.[1].answer"
            )
        }
    }

    @Test func wrongTypesAndMissingKeysAreDecodingErrors() throws {
        for text in [
            #"{"format": "rehearse-progress", "version": 1, "learner": 5, "attempts": [], "items": {}}"#,
            #"{"format": "rehearse-progress", "version": 1, "learner": "a", "items": {}}"#,
            #"{"format": "rehearse-progress", "version": 1.5, "learner": "a", "attempts": [], "items": {}}"#,
            #"{"format": "rehearse-progress", "version": 1, "learner": "a", "attempts": [], "items": {"q": {"stability": 1, "difficulty": 1, "due": "2026-01-01T00:00:00Z", "lastReview": "2026-01-01T00:00:00Z", "reps": 1.5, "lapses": 0}}}"#,
            #"{"format": "rehearse-progress", "version": 1, "learner": "a", "attempts": [], "items": {"q": {"stability": 1, "difficulty": 1, "due": "2026-01-01T00:00:00Z", "reps": 1, "lapses": 0}}}"#,
        ] {
            let document = try StrictJSON.parse(Array(text.utf8))
            #expect(throws: DecodingError.self) {
                try StrictJSONDecoder.decode(LearnerProgress.self, from: document)
            }
        }
    }
}
