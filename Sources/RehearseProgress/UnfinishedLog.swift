import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The file of one attempt in progress: JSON Lines, appended to as the learner answers, so
/// saving an answer costs the same at question 10 and at question 100,000.
///
/// Each line is an object with one member:
/// - `{"attempt": RECORD}`: the whole attempt (what a compacting rewrite writes);
/// - `{"answer": ANSWER}`: one more answer;
/// - `{"header": RECORD}`: every field of the attempt but its answers (which the line's record
///   leaves empty) changed.
///
/// A last line without its newline is a write a crash cut short: it is ignored. Any other line
/// that cannot be read makes the file unreadable (it is reported, never rewritten silently).
public enum UnfinishedLog {
    private struct Line: Codable {
        var attempt: AttemptRecord?
        var answer: AttemptRecord.Answer?
        var header: AttemptRecord?
    }

    /// The line that holds the whole attempt.
    static func compacted(_ attempt: AttemptRecord) throws -> Data {
        try encode(Line(attempt: attempt))
    }

    /// The lines that take a log holding `cursor`'s state to `attempt`, or nil when the log must
    /// be rewritten (another attempt, answers changed before the last one saved).
    static func appended(_ attempt: AttemptRecord, after cursor: UnfinishedCursor) throws -> Data? {
        guard cursor.attemptID == attempt.id, cursor.answers <= attempt.answers.count else {
            return nil
        }
        if cursor.answers > 0 {
            guard attempt.answers[cursor.answers - 1] == cursor.lastAnswer else { return nil }
        }
        var data = Data()
        let header = UnfinishedCursor.header(of: attempt)
        if header != cursor.header { data += try encode(Line(header: header)) }
        for answer in attempt.answers[cursor.answers...] {
            data += try encode(Line(answer: answer))
        }
        return data
    }

    private static func encode(_ line: Line) throws -> Data {
        let encoder = AttemptRecord.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(line) + Data("\n".utf8)
    }

    /// The attempt a log holds, nil for an empty log. Lines are range-checked as progress files
    /// are; a torn last line is ignored.
    public static func read(_ data: Data) throws(ProgressValidation.Problem) -> AttemptRecord? {
        let decoder = AttemptRecord.makeDecoder()
        var attempt: AttemptRecord?
        let bytes = [UInt8](data)
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            let end = bytes[start...].firstIndex(of: 0x0A)
            let lineBytes = Array(bytes[start..<(end ?? bytes.count)])
            start = (end ?? bytes.count) + 1
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            do {
                let document = try StrictJSON.parse(lineBytes)
                if let record = document["attempt"] {
                    try ProgressValidation.checkAttempt(record, at: "line \(number): attempt")
                }
                if let record = document["header"] {
                    try ProgressValidation.checkAttempt(record, at: "line \(number): header")
                }
                if let answer = document["answer"] {
                    try ProgressValidation.checkAnswer(answer, at: "line \(number): answer")
                }
                let line = try decoder.decode(Line.self, from: Data(lineBytes))
                if let whole = line.attempt {
                    attempt = whole
                } else if let header = line.header, let answers = attempt?.answers {
                    attempt = header
                    attempt?.answers = answers
                } else if let answer = line.answer, attempt != nil {
                    attempt?.answers.append(answer)
                } else {
                    throw ProgressValidation.Problem(
                        place: "line \(number)", reason: "is not an attempt, a header or an answer")
                }
            } catch let problem as ProgressValidation.Problem {
                throw problem
            } catch {
                // The last line, cut short by a crash before its newline: the answer it held
                // was never reported as saved.
                if end == nil { break }
                throw ProgressValidation.Problem(
                    place: "line \(number)",
                    reason: "cannot be read (\(ProgressMigration.describe(error)))")
            }
        }
        return attempt
    }
}

/// What a session last wrote to its attempt's log, so that the next answer is appended without
/// reading the log back. A fresh cursor (or one of another attempt) makes the next save rewrite
/// the log whole.
public struct UnfinishedCursor: Sendable, Hashable {
    var attemptID: String?
    var answers = 0
    var lastAnswer: AttemptRecord.Answer?
    var header: AttemptRecord?
    /// The size of the log after the last write, to notice a log changed meanwhile.
    var size: Int64 = 0

    public init() {}

    /// The attempt without its answers.
    static func header(of attempt: AttemptRecord) -> AttemptRecord {
        var header = attempt
        header.answers = []
        return header
    }

    /// The cursor after `attempt` was written whole or appended, the log being `size` bytes.
    static func after(_ attempt: AttemptRecord, size: Int64) -> UnfinishedCursor {
        var cursor = UnfinishedCursor()
        cursor.attemptID = attempt.id
        cursor.answers = attempt.answers.count
        cursor.lastAnswer = attempt.answers.last
        cursor.header = header(of: attempt)
        cursor.size = size
        return cursor
    }
}
