import Foundation
import RehearseScoring

/// The types a progress file holds by the hundred (answers and memory states, and the lists
/// and maps of them), read from a `StrictJSON` tree without the `Decoder` machinery, which cost
/// most of the time of reading a file. Only a value that is exactly as the types' `Codable`
/// conformances read it is taken here; anything else (a missing key, a wrong type, a number out
/// of range) gives nil, and `StrictJSONDecoder` runs the conformance, which reports the error
/// with its place. A seeded test compares both ways.
enum HotTypes {
    /// `value` as `type` when `type` is one of the hot types and `value` reads cleanly.
    static func decode<T>(_ type: T.Type, from value: StrictJSON) -> T? {
        if T.self == [String: MemoryState].self { return items(value) as? T }
        if T.self == [AttemptRecord.Answer].self { return answers(value) as? T }
        if T.self == MemoryState.self { return memoryState(value) as? T }
        if T.self == AttemptRecord.Answer.self { return answer(value) as? T }
        return nil
    }

    static func items(_ value: StrictJSON) -> [String: MemoryState]? {
        guard case .object(let members) = value else { return nil }
        var items: [String: MemoryState] = [:]
        items.reserveCapacity(members.count)
        for member in members {
            guard let state = memoryState(member.value) else { return nil }
            items[member.key] = state
        }
        return items
    }

    static func answers(_ value: StrictJSON) -> [AttemptRecord.Answer]? {
        guard case .array(let elements) = value else { return nil }
        var answers: [AttemptRecord.Answer] = []
        answers.reserveCapacity(elements.count)
        for element in elements {
            guard let answer = answer(element) else { return nil }
            answers.append(answer)
        }
        return answers
    }

    static func memoryState(_ value: StrictJSON) -> MemoryState? {
        guard case .object(let members) = value else { return nil }
        var stability: Double?
        var difficulty: Double?
        var due: Date?
        var lastReview: Date?
        var reps: Int?
        var lapses: Int?
        for member in members {
            switch member.key {
            case "stability": stability = double(member.value)
            case "difficulty": difficulty = double(member.value)
            case "due": due = date(member.value)
            case "lastReview": lastReview = date(member.value)
            case "reps": reps = integer(member.value)
            case "lapses": lapses = integer(member.value)
            default: continue
            }
        }
        guard let stability, let difficulty, let due, let lastReview, let reps, let lapses else {
            return nil
        }
        return MemoryState(
            stability: stability, difficulty: difficulty, due: due, lastReview: lastReview,
            reps: reps, lapses: lapses)
    }

    static func answer(_ value: StrictJSON) -> AttemptRecord.Answer? {
        guard case .object(let members) = value else { return nil }
        var ref: String?
        var text: String?
        var score: Double?
        var max: Double?
        var answeredAt: Date?
        for member in members {
            let value = member.value
            switch member.key {
            case "ref": ref = value.text
            case "answer": text = value.text
            case "score" where value != .null:
                guard let number = double(value) else { return nil }
                score = number
            case "max" where value != .null:
                guard let number = double(value) else { return nil }
                max = number
            case "answeredAt" where value != .null:
                guard let time = date(value) else { return nil }
                answeredAt = time
            default: continue
            }
        }
        guard let ref, let text else { return nil }
        return AttemptRecord.Answer(
            ref: ref, answer: text, score: score, max: max, answeredAt: answeredAt)
    }

    // MARK: Scalars, read as `StrictJSONDecoder` reads them

    private static func double(_ value: StrictJSON) -> Double? {
        guard case .number(let text) = value, let number = Double(text), number.isFinite else {
            return nil
        }
        return number
    }

    private static func integer(_ value: StrictJSON) -> Int? {
        guard case .number(let text) = value else { return nil }
        return TreeDecoder.integer(text, as: Int.self)
    }

    private static func date(_ value: StrictJSON) -> Date? {
        guard case .string(let text) = value else { return nil }
        return ProgressTime.parseInternet(text)
    }
}
