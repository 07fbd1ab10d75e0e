import RehearseBank
import RehearseCore

/// Reads answer text in the shared encoding (shell, answer sheets and recorded attempts alike).
///
/// | kind | answer text |
/// |---|---|
/// | choice | an option id (`b`) |
/// | multi | option ids joined by `,`, `;` or spaces (`a,c`) |
/// | truefalse | `true/false`, `t/f`, `yes/no`, `y/n`, any case |
/// | order | item ids in the learner's order (`listen,apologise,solve`) |
/// | text | the text itself |
/// | number | a decimal number, `,` or `.` as separator, the unit allowed after it (`5 days`) |
/// | rate | `id=rating` pairs (`a=5,b=2,c=4`) |
///
/// An empty answer is "not answered" (`nil`); an answer that cannot be read, or one longer than
/// `TextPattern.maximumAnswerLength` characters, is an `AnswerError`, never a silent zero.
public enum AnswerParser {
    public static func parse(_ raw: String, for question: Question) -> Result<
        Response?, AnswerError
    > {
        let text = raw.trimmingSpaces
        if text.isEmpty { return .success(nil) }
        let length = text.count
        guard length <= TextPattern.maximumAnswerLength else {
            return .failure(
                AnswerError(
                    "the answer is \(length) characters long",
                    hint:
                        "answers are at most \(TextPattern.maximumAnswerLength) characters: shorten it"
                ))
        }
        do {
            return .success(try read(text, question))
        } catch {
            return .failure(error)
        }
    }

    static func read(_ text: String, _ question: Question) throws(AnswerError) -> Response {
        switch question.body {
        case .choice(let options):
            let id = text.lowercased()
            guard options.contains(where: { $0.id.value == id }) else {
                throw unknown(id, among: options.map(\.id.value), what: "option")
            }
            return .choice(id)
        case .multi(let options, _):
            let ids = try idList(text, among: options.map(\.id.value), what: "option")
            return .multi(ids)
        case .truefalse:
            switch text.lowercased() {
            case "true", "t", "yes", "y": return .truefalse(true)
            case "false", "f", "no", "n": return .truefalse(false)
            default:
                throw AnswerError(
                    "`\(text)` is not true or false",
                    hint: "answer true or false (t/f, yes/no, y/n)")
            }
        case .order(let items, _):
            let known = items.map(\.id.value)
            let ids = try idList(text, among: known, what: "item")
            let missing = known.filter { !ids.contains($0) }
            guard missing.isEmpty else {
                throw AnswerError(
                    "the order leaves out \(missing.joined(separator: ", "))",
                    hint: "list every item once, in your order: \(known.joined(separator: ","))")
            }
            return .order(ids)
        case .text:
            return .text(text)
        case .number(let answer):
            return .number(try number(text, unit: answer.unit))
        case .rate(let responses, let scale):
            return .rate(try ratings(text, ids: responses.map(\.id.value), scale: scale))
        }
    }

    static func unknown(_ id: String, among known: [String], what: String) -> AnswerError {
        AnswerError(
            "there is no \(what) `\(id)`" + Suggestion.phrase(for: id, in: known),
            hint: "answer with one of: \(known.joined(separator: ", "))")
    }

    /// Ids separated by commas, semicolons or spaces; each known, none twice.
    static func idList(_ text: String, among known: [String], what: String) throws(AnswerError)
        -> [String]
    {
        let ids = text.lowercased().split { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" }
            .map(String.init)
        var seen: [String] = []
        for id in ids {
            guard known.contains(id) else { throw unknown(id, among: known, what: what) }
            guard !seen.contains(id) else {
                throw AnswerError("`\(id)` is given twice", hint: "name each \(what) once")
            }
            seen.append(id)
        }
        return seen
    }

    /// A decimal number with `.` or `,` as the separator, optionally followed by the unit.
    static func number(_ text: String, unit: String?) throws(AnswerError) -> Double {
        var numberPart = ""
        var rest = Substring(text)
        while let first = rest.first, first.isNumber || "+-.,".contains(first) {
            numberPart.append(first)
            rest.removeFirst()
        }
        let trailing = String(rest).trimmingSpaces
        let normalised = numberPart.replacingAll(",", with: ".")
        let example = unit.map { "5 \($0)" } ?? "5"
        guard !numberPart.isEmpty, normalised.filter({ $0 == "." }).count <= 1,
            let value = Double(normalised), value.isFinite
        else {
            throw AnswerError(
                "`\(text)` is not a number", hint: "answer with a number, e.g. \(example)")
        }
        if !trailing.isEmpty {
            guard let unit, unitMatches(trailing, unit) else {
                let expected =
                    unit.map { "the answer is in \($0)" } ?? "answer with the number alone"
                throw AnswerError("unexpected `\(trailing)` after the number", hint: expected)
            }
        }
        return value
    }

    /// `days` matches `day`, `Days` and `days` (not `dayss`); `%` matches `%` and `percent`.
    static func unitMatches(_ written: String, _ unit: String) -> Bool {
        let a = TextFolding.fold(written)
        let b = TextFolding.fold(unit)
        if written.trimmingSpaces == unit.trimmingSpaces { return true }
        if unit.trimmingSpaces == "%" { return a == "percent" || written.trimmingSpaces == "%" }
        guard !a.isEmpty, !b.isEmpty else { return false }
        // One plural `s` either way, not two: `30 dayss` is not in days.
        return a == b || (a + "s" == b && !a.hasSuffix("s")) || (a == b + "s" && !b.hasSuffix("s"))
    }

    /// `id=rating` pairs for every response, each rating a whole number from 1 to `scale`.
    static func ratings(_ text: String, ids: [String], scale: Int) throws(AnswerError) -> [String:
        Int]
    {
        let example = ids.enumerated().map { "\($0.element)=\(min(scale, $0.offset + 1))" }
            .joined(separator: ",")
        var result: [String: Int] = [:]
        for pair in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw AnswerError(
                    "`\(pair)` is not an id=rating pair", hint: "answer like \(example)")
            }
            let id = String(parts[0]).lowercased().trimmingSpaces
            guard ids.contains(id) else { throw unknown(id, among: ids, what: "response") }
            guard let rating = Int(String(parts[1]).trimmingSpaces), (1...scale).contains(rating)
            else {
                throw AnswerError(
                    "the rating of `\(id)` must be a whole number from 1 to \(scale)",
                    hint: "answer like \(example)")
            }
            guard result[id] == nil else {
                throw AnswerError("`\(id)` is rated twice", hint: "rate each response once")
            }
            result[id] = rating
        }
        let missing = ids.filter { result[$0] == nil }
        guard missing.isEmpty else {
            throw AnswerError(
                "no rating for \(missing.joined(separator: ", "))",
                hint: "rate every response: \(example)")
        }
        return result
    }
}
