import Foundation
import RehearseBank
import RehearseCore

/// One attempt at a quiz, as `rehearse take --record FILE` writes it, the progress store keeps it
/// and `rehearse grade` reads it (an answer sheet). JSON field names are an interface: keep them.
public struct AttemptRecord: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        /// Every question was reached (answered or skipped).
        case finished
        /// The learner left before the end (Ctrl-C, Ctrl-D, a closed terminal); resumable.
        case unfinished
        /// An exam's time limit ran out; the remaining questions are unanswered.
        case timedOut = "timed-out"
    }

    /// One answer: its ref, the answer text in the shared encoding, and its score when scored.
    public struct Answer: Sendable, Codable, Hashable {
        public var ref: String
        public var answer: String
        public var score: Double?
        public var max: Double?
        public var answeredAt: Date?

        public init(
            ref: String, answer: String, score: Double? = nil, max: Double? = nil,
            answeredAt: Date? = nil
        ) {
            self.ref = ref
            self.answer = answer
            self.score = score
            self.max = max
            self.answeredAt = answeredAt
        }
    }

    public static let formatName = "rehearse-attempt"
    public static let currentVersion = 1

    public var format: String = AttemptRecord.formatName
    public var version: Int = AttemptRecord.currentVersion
    /// A unique id of the attempt (to merge without duplicates).
    public var id: String
    public var learner: String
    public var quiz: String
    /// `ContentHash` of the quiz and the scenarios it can use, when the attempt was made.
    public var quizHash: String
    public var mode: String
    public var seed: UInt64
    public var status: Status
    public var startedAt: Date
    public var finishedAt: Date?
    public var answers: [Answer]
    public var score: Double?
    public var max: Double?
    /// 0-100.
    public var percent: Double?
    public var passed: Bool?
    /// Percent (0-100) per competency id.
    public var competencies: [String: Double]?
    /// The factor the learner's time limit was stretched by (`--time-factor`); absent when the
    /// quiz's own limit applied, so older records read the same.
    public var timeFactor: Double?

    public init(
        id: String, learner: String, quiz: String, quizHash: String, mode: String, seed: UInt64,
        status: Status, startedAt: Date, finishedAt: Date? = nil, answers: [Answer] = [],
        score: Double? = nil, max: Double? = nil, percent: Double? = nil, passed: Bool? = nil,
        competencies: [String: Double]? = nil
    ) {
        self.id = id
        self.learner = learner
        self.quiz = quiz
        self.quizHash = quizHash
        self.mode = mode
        self.seed = seed
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.answers = answers
        self.score = score
        self.max = max
        self.percent = percent
        self.passed = passed
        self.competencies = competencies
    }

    /// The encoder every writer of attempts uses: ISO 8601 dates, sorted keys.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
