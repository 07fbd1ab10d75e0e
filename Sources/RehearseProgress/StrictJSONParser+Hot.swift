import Foundation
import RehearseScoring

/// What the parser's hot path read straight into their types: the answers of each attempt (by
/// its place in `attempts`) and the memory states (`items`).
struct HotValues {
    var answers: [Int: [AttemptRecord.Answer]] = [:]
    var items: [String: MemoryState]?
    /// Set when a hot member is not in the regular shape: the caller reads the file again by the
    /// full path, which gives the answer (or the error) for it.
    var irregular = false
}

/// The hot path of the strict parser: a progress file holds answers and memory states by the
/// hundred, and building a tree of them, checking it and decoding it again cost most of the
/// time of reading a file. Here they are read from the bytes into their types in one pass, with
/// the parser's own readers of strings and numbers and the single-value rules of
/// `ProgressValidation` applied on the way. Only the regular shape is taken: the keys the types
/// know, each once, written without escapes, with values of the right kind and in range. At
/// anything else (an unknown or repeated key, a null where a value is required, a value out of
/// range, malformed text) the hot path gives up and the file is read again by the full path,
/// so messages and results for such files are the full path's. A seeded test compares the two.
extension StrictJSONParser {
    /// At a hot member (`items` at the top, `answers` in an attempt), reads its value into
    /// `hot` and returns the placeholder that stands for it in the tree; nil for other members.
    mutating func takeHot(_ key: String) throws(StrictJSON.Failure) -> StrictJSON? {
        if depth == 1, path.isEmpty, key == "items" {
            guard let items = hotItems() else { throw irregular() }
            hot?.items = items
            return .object([])
        }
        if depth == 3, path.count == 2, case .key("attempts") = path[0],
            case .index(let attempt) = path[1], key == "answers"
        {
            guard let answers = hotAnswers() else { throw irregular() }
            hot?.answers[attempt] = answers
            return .array([])
        }
        return nil
    }

    private mutating func irregular() -> StrictJSON.Failure {
        hot?.irregular = true
        return StrictJSON.Failure(reason: "not in the regular shape", line: 0, column: 0)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past `byte` (after any space) when it is next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard current == byte else { return false }
        index += 1
        return true
    }

    private mutating func hotAnswers() -> [AttemptRecord.Answer]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var answers: [AttemptRecord.Answer] = []
        if take(UInt8(ascii: "]")) { return answers }
        answers.reserveCapacity(128)
        repeat {
            guard let answer = hotAnswer() else { return nil }
            answers.append(answer)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? answers : nil
    }

    private mutating func hotItems() -> [String: MemoryState]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var items: [String: MemoryState] = [:]
        if take(UInt8(ascii: "}")) { return items }
        items.reserveCapacity(128)
        repeat {
            skipSpace()
            guard current == UInt8(ascii: "\""), let ref = try? string(),
                take(UInt8(ascii: ":")), let state = hotMemoryState(),
                items.updateValue(state, forKey: ref) == nil
            else { return nil }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? items : nil
    }

    private static let answerKeys = ["ref", "answer", "score", "max", "answeredAt"].map {
        Array($0.utf8)
    }
    private static let stateKeys = [
        "stability", "difficulty", "due", "lastReview", "reps", "lapses",
    ].map { Array($0.utf8) }

    private mutating func hotAnswer() -> AttemptRecord.Answer? {
        var ref: String?
        var text: String?
        var score: Double?
        var max: Double?
        var answeredAt: Date?
        var seen = 0
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = hotKey(Self.answerKeys), seen & (1 << key) == 0 else { return nil }
            seen |= 1 << key
            switch key {
            case 0: ref = hotString()
            case 1: text = hotString()
            case 2, 3:
                if hotNull() { continue }
                guard let value = hotNumber(), ProgressValidation.isPoints(value) else {
                    return nil
                }
                if key == 2 { score = value } else { max = value }
            default:
                if hotNull() { continue }
                guard let time = hotTime() else { return nil }
                answeredAt = time
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let ref, let text else { return nil }
        return AttemptRecord.Answer(
            ref: ref, answer: text, score: score, max: max, answeredAt: answeredAt)
    }

    private mutating func hotMemoryState() -> MemoryState? {
        var stability: Double?
        var difficulty: Double?
        var due: Date?
        var lastReview: Date?
        var reps: Int?
        var lapses: Int?
        var seen = 0
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = hotKey(Self.stateKeys), seen & (1 << key) == 0 else { return nil }
            seen |= 1 << key
            switch key {
            case 0:
                guard let value = hotNumber(), ProgressValidation.isStability(value) else {
                    return nil
                }
                stability = value
            case 1:
                guard let value = hotNumber(), ProgressValidation.isDifficulty(value) else {
                    return nil
                }
                difficulty = value
            case 2: due = hotTime()
            case 3: lastReview = hotTime()
            case 4: reps = hotCount()
            default: lapses = hotCount()
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let stability, let difficulty, let due, let lastReview,
            let reps, let lapses
        else { return nil }
        return MemoryState(
            stability: stability, difficulty: difficulty, due: due, lastReview: lastReview,
            reps: reps, lapses: lapses)
    }

    private mutating func hotCount() -> Int? {
        guard let text = hotNumberText() else { return nil }
        return ProgressValidation.wholeNumber(text, in: 0...ProgressValidation.maximumCount)
    }

    /// A key that is one of `keys` written plainly (no escape), and the colon after it: its
    /// position in `keys`; nil for any other key.
    private mutating func hotKey(_ keys: [[UInt8]]) -> Int? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""),
            bytes[index] != UInt8(ascii: "\\")
        {
            index += 1
        }
        guard current == UInt8(ascii: "\"") else { return nil }
        let end = index
        index += 1
        let found = bytes.withUnsafeBufferPointer { all -> Int? in
            guard let base = all.baseAddress else { return nil }
            for (position, key) in keys.enumerated() where key.count == end - start {
                var offset = 0
                while offset < key.count, key[offset] == base[start + offset] { offset += 1 }
                if offset == key.count { return position }
            }
            return nil
        }
        guard let found, take(UInt8(ascii: ":")) else { return nil }
        return found
    }

    private mutating func hotString() -> String? {
        skipSpace()
        guard current == UInt8(ascii: "\"") else { return nil }
        return try? string()
    }

    private mutating func hotNull() -> Bool {
        skipSpace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"),
            bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
            bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// A number's text, read by the parser's rule of numbers.
    private mutating func hotNumberText() -> String? {
        skipSpace()
        guard let first = current,
            first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return nil }
        let start = index
        guard (try? scanNumber()) != nil else { return nil }
        return bytes.withUnsafeBufferPointer { [index] all in
            String(decoding: UnsafeBufferPointer(rebasing: all[start..<index]), as: UTF8.self)
        }
    }

    /// A finite number, as the validation and the decoders read it (`Double(text)`).
    private mutating func hotNumber() -> Double? {
        guard let text = hotNumberText(), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    private mutating func hotTime() -> Date? {
        guard let text = hotString() else { return nil }
        return ProgressValidation.canonicalTime(text)
    }
}
