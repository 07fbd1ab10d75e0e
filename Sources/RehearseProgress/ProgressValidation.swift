import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The ranges every number and time read from a progress file, an unfinished attempt or an
/// attempt record must be in. Checked on the document as written, before it is decoded, so a
/// value out of range is refused with its place and its text, never a crash or a silent wrap.
public enum ProgressValidation {
    /// Scores and maxima of attempts and answers: finite, at most this large in magnitude.
    public static let maximumPoints = 1e12
    /// Reviews and lapses of one ref.
    public static let maximumCount = 1_000_000_000
    /// The largest stability (days) a memory state may hold; `FSRS` never goes beyond it.
    public static let maximumStability = FSRS.maximumStability

    /// A value out of range: where (`attempts[2].seed`) and what is wrong.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var place: String
        public var reason: String
        public var description: String { "\(place) \(reason)" }
    }

    /// Checks a whole progress document (any known version).
    public static func checkProgress(_ document: StrictJSON) throws(Problem) {
        guard case .object = document else {
            throw Problem(place: "the file", reason: "is not a JSON object")
        }
        if let attempts = document["attempts"] {
            guard case .array(let list) = attempts else {
                throw Problem(place: "attempts", reason: "is not a list")
            }
            for (index, attempt) in list.enumerated() {
                try checkAttempt(attempt, at: "attempts[\(index)]")
            }
        }
        if let items = document["items"] {
            guard case .object(let members) = items else {
                throw Problem(place: "items", reason: "is not an object")
            }
            for member in members {
                try checkMemoryState(member.value, at: "items." + shown(member.key))
            }
        }
        if let answers = document["reviewAnswers"] {
            guard case .array(let list) = answers else {
                throw Problem(place: "reviewAnswers", reason: "is not a list")
            }
            for (index, answer) in list.enumerated() {
                let place = "reviewAnswers[\(index)]"
                guard case .object = answer else {
                    throw Problem(place: place, reason: "is not a JSON object")
                }
                for key in ["score", "max"] {
                    if let value = answer[key] { try points(value, at: place + "." + key) }
                }
                if let value = answer["at"] { try time(value, at: place + ".at") }
            }
        }
        if let profile = document["profile"], profile != .null {
            guard case .object = profile else {
                throw Problem(place: "profile", reason: "is not an object")
            }
            if let factor = profile["timeFactor"] {
                try timeFactor(factor, at: "profile.timeFactor")
            }
        }
    }

    /// Checks one attempt record (as the store, `--record` and the grader write it).
    public static func checkAttempt(_ attempt: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem)
    {
        guard case .object = attempt else {
            throw Problem(place: place(), reason: "is not a JSON object")
        }
        if let version = attempt["version"] {
            try whole(
                version, at: place() + ".version", in: 1...AttemptRecord.currentVersion,
                what: "a known attempt version")
        }
        if let seed = attempt["seed"] {
            guard case .number(let text) = seed, UInt64(text) != nil else {
                throw Problem(
                    place: place() + ".seed",
                    reason:
                        "is \(written(seed)), not a seed (a whole number from 0 to \(UInt64.max))")
            }
        }
        for key in ["score", "max"] {
            if let value = attempt[key] { try points(value, at: place() + "." + key) }
        }
        if let percent = attempt["percent"] { try self.percent(percent, at: place() + ".percent") }
        if let factor = attempt["timeFactor"] {
            try timeFactor(factor, at: place() + ".timeFactor")
        }
        if let competencies = attempt["competencies"], competencies != .null {
            guard case .object(let members) = competencies else {
                throw Problem(place: place() + ".competencies", reason: "is not an object")
            }
            for member in members {
                try self.percent(member.value, at: place() + ".competencies." + shown(member.key))
            }
        }
        for key in ["startedAt", "finishedAt"] {
            if let value = attempt[key] { try time(value, at: place() + "." + key) }
        }
        if let answers = attempt["answers"] {
            guard case .array(let list) = answers else {
                throw Problem(place: place() + ".answers", reason: "is not a list")
            }
            for (index, answer) in list.enumerated() {
                try checkAnswer(answer, at: place() + ".answers[\(index)]")
            }
        }
    }

    /// Checks one answer of an attempt.
    public static func checkAnswer(_ answer: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem)
    {
        guard case .object = answer else {
            throw Problem(place: place(), reason: "is not a JSON object")
        }
        for key in ["score", "max"] {
            if let value = answer[key] { try points(value, at: place() + "." + key) }
        }
        if let value = answer["answeredAt"] { try time(value, at: place() + ".answeredAt") }
    }

    /// Checks one FSRS memory state.
    public static func checkMemoryState(_ state: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem)
    {
        guard case .object = state else {
            throw Problem(place: place(), reason: "is not a JSON object")
        }
        if let stability = state["stability"] {
            let value = try number(stability, at: place() + ".stability")
            guard isStability(value) else {
                throw Problem(
                    place: place() + ".stability",
                    reason:
                        "is \(written(stability)), not a stability (more than 0, at most \(Int(maximumStability)) days)"
                )
            }
        }
        if let difficulty = state["difficulty"] {
            let value = try number(difficulty, at: place() + ".difficulty")
            guard isDifficulty(value) else {
                throw Problem(
                    place: place() + ".difficulty",
                    reason: "is \(written(difficulty)), not a difficulty (1 to 10)")
            }
        }
        for key in ["reps", "lapses"] {
            if let value = state[key] {
                try whole(value, at: place() + "." + key, in: 0...maximumCount, what: "a count")
            }
        }
        for key in ["due", "lastReview"] {
            if let value = state[key] { try time(value, at: place() + "." + key) }
        }
    }

    /// Checks a decoded attempt (one that did not come through a document): finite numbers in
    /// range and times in the years 1970-9999. Nil when it is fine.
    public static func problem(in attempt: AttemptRecord) -> Problem? {
        func bad(_ value: Double?) -> Bool {
            guard let value else { return false }
            return !value.isFinite || abs(value) > maximumPoints
        }
        func badPercent(_ value: Double?) -> Bool {
            guard let value else { return false }
            return !(value.isFinite && (0...100).contains(value))
        }
        if bad(attempt.score) || bad(attempt.max) {
            return Problem(place: "score", reason: "is not a finite number in range")
        }
        if badPercent(attempt.percent) {
            return Problem(place: "percent", reason: "is not a percent (0 to 100)")
        }
        if let factor = attempt.timeFactor, !LearnerProfile.timeFactors.contains(factor) {
            return Problem(place: "timeFactor", reason: "is not a time factor (1 to 4)")
        }
        if (attempt.competencies ?? [:]).values.contains(where: badPercent) {
            return Problem(place: "competencies", reason: "hold a value that is not a percent")
        }
        let times = [attempt.startedAt, attempt.finishedAt].compactMap { $0 }
        for (index, answer) in attempt.answers.enumerated() {
            if bad(answer.score) || bad(answer.max) {
                return Problem(place: "answers[\(index)]", reason: "has a score out of range")
            }
            if let at = answer.answeredAt, !RehearseClock.isInRange(at) {
                return Problem(
                    place: "answers[\(index)].answeredAt", reason: "is not in the years 1970-9999")
            }
        }
        if times.contains(where: { !RehearseClock.isInRange($0) }) {
            return Problem(place: "startedAt", reason: "is not in the years 1970-9999")
        }
        return nil
    }

    // MARK: The rules of single values (also applied by the parser's hot path)

    /// Whether a finite number is in the range of points (scores and maxima).
    static func isPoints(_ value: Double) -> Bool { abs(value) <= maximumPoints }

    /// Whether a finite number is a stability (more than 0, at most `maximumStability` days).
    static func isStability(_ value: Double) -> Bool { value > 0 && value <= maximumStability }

    /// Whether a finite number is a difficulty (1 to 10).
    static func isDifficulty(_ value: Double) -> Bool { (1...10).contains(value) }

    /// A number's text as a whole number in `range`, or nil.
    static func wholeNumber(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let number = Int(text), range.contains(number) else { return nil }
        return number
    }

    /// A time written in the form the store writes (`YYYY-MM-DDTHH:MM:SSZ`) and in the years
    /// 1970-9999, or nil for any other text. For such a text, the rule of times
    /// (`ProgressTime.parse`) and the decoders (`ProgressTime.parseInternet`) both give exactly
    /// `RehearseClock.parseUTCSeconds`; any other text is left to them.
    static func canonicalTime(_ text: String) -> Date? {
        guard let date = RehearseClock.parseUTCSeconds(text), RehearseClock.isInRange(date) else {
            return nil
        }
        return date
    }

    // MARK: Pieces

    private static func number(_ value: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem) -> Double
    {
        guard case .number(let text) = value, let number = Double(text), number.isFinite else {
            throw Problem(place: place(), reason: "is \(written(value)), not a finite number")
        }
        return number
    }

    private static func points(_ value: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem)
    {
        if value == .null { return }
        let number = try number(value, at: place())
        guard isPoints(number) else {
            throw Problem(
                place: place(), reason: "is \(written(value)), beyond ±\(Int(maximumPoints)) points"
            )
        }
    }

    private static func percent(_ value: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem)
    {
        if value == .null { return }
        let number = try number(value, at: place())
        guard (0...100).contains(number) else {
            throw Problem(place: place(), reason: "is \(written(value)), not a percent (0 to 100)")
        }
    }

    private static func timeFactor(_ value: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem)
    {
        if value == .null { return }
        let number = try number(value, at: place())
        let range = LearnerProfile.timeFactors
        guard range.contains(number) else {
            throw Problem(
                place: place(),
                reason:
                    "is \(written(value)), not a time factor (\(format(range.lowerBound)) to \(format(range.upperBound)))"
            )
        }
    }

    private static func whole(
        _ value: StrictJSON, at place: @autoclosure () -> String, in range: ClosedRange<Int>,
        what: String
    ) throws(Problem) {
        guard case .number(let text) = value, wholeNumber(text, in: range) != nil else {
            throw Problem(
                place: place(),
                reason:
                    "is \(written(value)), not \(what) (a whole number from \(range.lowerBound) to \(range.upperBound))"
            )
        }
    }

    private static func time(_ value: StrictJSON, at place: @autoclosure () -> String)
        throws(Problem)
    {
        if value == .null { return }
        guard case .string(let text) = value, let date = ProgressTime.parse(text),
            RehearseClock.isInRange(date)
        else {
            throw Problem(
                place: place(),
                reason: "is \(written(value)), not an ISO 8601 time in the years 1970-9999")
        }
    }

    /// A value as the message shows it: short, one line, safe on a terminal.
    static func written(_ value: StrictJSON) -> String {
        let text: String
        switch value {
        case .null: text = "null"
        case .bool(let flag): text = flag ? "true" : "false"
        case .number(let number): text = number
        case .string(let string): text = "\"" + string + "\""
        case .array: text = "a list"
        case .object: text = "an object"
        }
        return "`" + shown(text) + "`"
    }

    static func shown(_ text: String) -> String {
        TerminalText.sanitizeLine(text.count > 60 ? String(text.prefix(60)) + "…" : text)
    }
}
