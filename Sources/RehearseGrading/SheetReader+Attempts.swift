import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

extension SheetReader {
    func readAttempts(file: String, bytes: [UInt8]) throws(GradingError) {
        let data = Data(bytes)
        let decoder = AttemptRecord.makeDecoder()
        var attempts: [AttemptRecord]
        do {
            if bytes.withUnsafeBufferPointer(Self.firstByte) == UInt8(ascii: "[") {
                attempts = try decoder.decode([AttemptRecord].self, from: data)
            } else {
                attempts = [try decoder.decode(AttemptRecord.self, from: data)]
            }
        } catch {
            let (line, column) = Self.jsonErrorPosition(error, bytes: bytes)
            reject(file, line, column, "not a recorded attempt: \(Self.describe(error))")
            return
        }
        let refPositions = Self.positions(of: Array("\"ref\"".utf8), in: bytes)
        var answerNumber = 0
        for attempt in attempts {
            defer { answerNumber += attempt.answers.count }
            let quizPosition = Self.positions(of: Array("\"quiz\"".utf8), in: bytes).first ?? (1, 1)
            // The same range rules as the progress store: finite scores, percents, years
            // 1970-9999; an attempt that breaks one is rejected whole, never graded.
            if let problem = ProgressValidation.problem(in: attempt) {
                reject(
                    file, quizPosition.line, quizPosition.column,
                    "not a recorded attempt: \(problem); fix the value or record the attempt again")
                continue
            }
            guard let collector = collector(for: attempt.quiz) else {
                if bank.quiz(attempt.quiz) == nil {
                    reject(
                        file, quizPosition.line, quizPosition.column,
                        Self.unknownQuiz(attempt.quiz, bank))
                }
                continue
            }
            let learnerIndex = collector.learner(
                attempt.learner, file: file, line: quizPosition.line)
            collector.learners[learnerIndex].seed = attempt.seed
            collector.learners[learnerIndex].attempt = attempt
            if let quiz = bank.quiz(attempt.quiz), attempt.quizHash != bank.contentHash(of: quiz) {
                notes.append(
                    "\(file): \(attempt.learner)'s attempt was made on an earlier version of "
                        + "quiz `\(attempt.quiz)`; it is graded against the current one")
            }
            if attempt.status != .finished {
                notes.append(
                    "\(file): \(attempt.learner)'s attempt is \(attempt.status.rawValue); "
                        + "questions not reached count as unanswered")
            }
            for (offset, answer) in attempt.answers.enumerated() {
                let position =
                    answerNumber + offset < refPositions.count
                    ? refPositions[answerNumber + offset] : quizPosition
                add(
                    collector, learnerIndex, ref: answer.ref, answer: answer.answer, file: file,
                    line: position.line, refColumn: position.column, answerColumn: position.column)
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "the key `\(key.stringValue)` is missing"
        case DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "`\(path)`: \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default: return "\(error)"
        }
    }

    static func jsonErrorPosition(_ error: any Error, bytes: [UInt8]) -> (line: Int, column: Int) {
        if case DecodingError.keyNotFound(let key, let context) = error,
            let last = context.codingPath.last,
            let found = positions(of: Array("\"\(last.stringValue)\"".utf8), in: bytes).first
        {
            _ = key
            return found
        }
        return (1, 1)
    }

    /// Line and column (1-based) just after every occurrence of `needle`'s key and colon, or of
    /// `needle` itself.
    static func positions(of needle: [UInt8], in bytes: [UInt8]) -> [(line: Int, column: Int)] {
        var result: [(Int, Int)] = []
        guard !needle.isEmpty, bytes.count >= needle.count else { return [] }
        var line = 1
        var lineStart = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == 10 {
                line += 1
                lineStart = index + 1
            }
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle {
                var value = index + needle.count
                while value < bytes.count, [32, 9, UInt8(ascii: ":")].contains(bytes[value]) {
                    value += 1
                }
                result.append((line, value - lineStart + 1))
                index += needle.count
                continue
            }
            index += 1
        }
        return result
    }
}
