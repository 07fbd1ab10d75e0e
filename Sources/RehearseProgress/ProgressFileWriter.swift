import Foundation
import RehearseCore
import RehearseScoring

/// Writes a learner's progress straight into the bytes of its file, with no tree in between:
/// the bytes `ProgressTime.encoder()` writes (pretty-printed, keys sorted by their UTF-8 bytes,
/// absent optionals left out, dates by `ProgressTime.format`, doubles as `JSONEncoder` writes
/// them), which a seeded test compares with Foundation's. Strings go through the output kit's
/// `JSONWriter`, so DEL, U+2028 and U+2029 are written escaped; any JSON reader reads the same.
///
/// The keys written here are those of the types' `Codable` conformances; a test counts each
/// type's stored properties, so a field added to one of them fails until it is written here.
struct ProgressFileWriter {
    /// Why progress cannot be written (a number that is not finite, as `JSONEncoder` refuses it).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var out = JSONWriter(capacity: 64 * 1024)
    private var indent = 0
    /// Whether the innermost open list or object has no member yet.
    private var isFirst = true

    /// The file's bytes for `progress`, without the final newline.
    static func bytes(of progress: LearnerProgress) throws(Failure) -> [UInt8] {
        var writer = ProgressFileWriter()
        try writer.write(progress)
        return writer.out.bytes
    }

    private mutating func write(_ progress: LearnerProgress) throws(Failure) {
        open(UInt8(ascii: "{"))
        key("attempts")
        open(UInt8(ascii: "["))
        for attempt in progress.attempts {
            element()
            try write(attempt)
        }
        close(UInt8(ascii: "]"))
        key("format")
        out.string(progress.format)
        key("items")
        open(UInt8(ascii: "{"))
        for (ref, state) in Self.sorted(progress.items) {
            key(ref)
            try write(state)
        }
        close(UInt8(ascii: "}"))
        key("learner")
        out.string(progress.learner)
        if let profile = progress.profile {
            key("profile")
            open(UInt8(ascii: "{"))
            if let factor = profile.timeFactor { try number(factor, "timeFactor") }
            close(UInt8(ascii: "}"))
        }
        if let answers = progress.reviewAnswers {
            key("reviewAnswers")
            open(UInt8(ascii: "["))
            for answer in answers {
                element()
                try write(answer)
            }
            close(UInt8(ascii: "]"))
        }
        key("version")
        out.int(progress.version)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ attempt: AttemptRecord) throws(Failure) {
        open(UInt8(ascii: "{"))
        key("answers")
        open(UInt8(ascii: "["))
        for answer in attempt.answers {
            element()
            try write(answer)
        }
        close(UInt8(ascii: "]"))
        if let competencies = attempt.competencies {
            key("competencies")
            open(UInt8(ascii: "{"))
            for (name, value) in Self.sorted(competencies) { try number(value, name) }
            close(UInt8(ascii: "}"))
        }
        if let finishedAt = attempt.finishedAt { date(finishedAt, "finishedAt") }
        text(attempt.format, "format")
        text(attempt.id, "id")
        text(attempt.learner, "learner")
        if let max = attempt.max { try number(max, "max") }
        text(attempt.mode, "mode")
        if let passed = attempt.passed {
            key("passed")
            out.raw(passed ? "true" : "false")
        }
        if let percent = attempt.percent { try number(percent, "percent") }
        text(attempt.quiz, "quiz")
        text(attempt.quizHash, "quizHash")
        if let score = attempt.score { try number(score, "score") }
        key("seed")
        out.text(String(attempt.seed))
        date(attempt.startedAt, "startedAt")
        text(attempt.status.rawValue, "status")
        if let factor = attempt.timeFactor { try number(factor, "timeFactor") }
        key("version")
        out.int(attempt.version)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ answer: AttemptRecord.Answer) throws(Failure) {
        open(UInt8(ascii: "{"))
        text(answer.answer, "answer")
        if let at = answer.answeredAt { date(at, "answeredAt") }
        if let max = answer.max { try number(max, "max") }
        text(answer.ref, "ref")
        if let score = answer.score { try number(score, "score") }
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ state: MemoryState) throws(Failure) {
        open(UInt8(ascii: "{"))
        try number(state.difficulty, "difficulty")
        date(state.due, "due")
        key("lapses")
        out.int(state.lapses)
        date(state.lastReview, "lastReview")
        key("reps")
        out.int(state.reps)
        try number(state.stability, "stability")
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ answer: ReviewAnswer) throws(Failure) {
        open(UInt8(ascii: "{"))
        date(answer.at, "at")
        key("competencies")
        open(UInt8(ascii: "["))
        for name in answer.competencies {
            element()
            out.string(name)
        }
        close(UInt8(ascii: "]"))
        try number(answer.max, "max")
        text(answer.ref, "ref")
        try number(answer.score, "score")
        close(UInt8(ascii: "}"))
    }

    // MARK: Pieces

    /// A dictionary's members in the order the file holds them: by the keys' UTF-8 bytes.
    private static func sorted<Value>(_ members: [String: Value]) -> [(key: String, value: Value)] {
        members.sorted { precedes($0.key, $1.key) }
    }

    /// Whether `first` sorts before `second` by their UTF-8 bytes (compared in place).
    static func precedes(_ first: String, _ second: String) -> Bool {
        let compared = first.utf8.withContiguousStorageIfAvailable { left in
            second.utf8.withContiguousStorageIfAvailable { right -> Bool in
                let common = Swift.min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
        return (compared ?? nil) ?? first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    private mutating func spaces() {
        out.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private mutating func open(_ bracket: UInt8) {
        out.bytes.append(bracket)
        indent += 2
        isFirst = true
    }

    /// Closes a list or object; an empty one gets an empty line inside, as Foundation writes it.
    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        out.bytes.append(0x0A)
        if isFirst { out.bytes.append(0x0A) }
        spaces()
        out.bytes.append(bracket)
        isFirst = false
    }

    private mutating func element() {
        if !isFirst { out.bytes.append(UInt8(ascii: ",")) }
        out.bytes.append(0x0A)
        spaces()
        isFirst = false
    }

    private mutating func key(_ name: String) {
        element()
        out.string(name)
        out.raw(" : ")
    }

    private mutating func text(_ value: String, _ name: String) {
        key(name)
        out.string(value)
    }

    private mutating func date(_ value: Date, _ name: String) {
        key(name)
        out.string(ProgressTime.format(value))
    }

    /// A double as `JSONEncoder` writes it: its shortest form without a trailing `.0`.
    private mutating func number(_ value: Double, _ name: String) throws(Failure) {
        guard value.isFinite else {
            throw Failure(description: "a number that is not finite at \(name)")
        }
        key(name)
        let text = value.description
        out.text(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }
}
