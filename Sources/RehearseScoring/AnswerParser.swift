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
/// | number | a decimal number with its unit or currency (`5 days`, `48h`, `$50`): `NumberParser` |
/// | rate | `id=rating` pairs (`a=5, b = 2`), or the ratings alone in the order shown: `RatingParser` |
///
/// An empty answer is "not answered" (`nil`); an answer that cannot be read, or one longer than
/// `TextPattern.maximumAnswerLength` characters, is an `AnswerError`, never a silent zero.
public enum AnswerParser {
    /// Reads `raw` for `question`. `shown` is the order the question's options, items or
    /// responses were shown in (ids); messages list them in that order, so a message never
    /// gives away an `order` question's key. Without it (an answer sheet) they are listed
    /// alphabetically.
    public static func parse(_ raw: String, for question: Question, shown: [String]? = nil)
        -> Result<Response?, AnswerError>
    {
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
            return .success(try read(text, question, shown: shown))
        } catch {
            return .failure(error)
        }
    }

    static func read(_ text: String, _ question: Question, shown: [String]?) throws(AnswerError)
        -> Response
    {
        switch question.body {
        case .choice(let options):
            let id = text.lowercased()
            let known = listed(options.map(\.id.value), shown: shown)
            guard known.contains(id) else { throw unknown(id, among: known, what: "option") }
            return .choice(id)
        case .multi(let options, _):
            let known = listed(options.map(\.id.value), shown: shown)
            return .multi(try idList(text, among: known, what: "option"))
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
            // Never in the file's order: that is the key.
            let known = listed(items.map(\.id.value), shown: shown, isKey: true)
            let ids = try idList(text, among: known, what: "item")
            let missing = known.filter { !ids.contains($0) }
            guard missing.isEmpty else {
                throw AnswerError(
                    "the order leaves out \(missing.joined(separator: ", "))",
                    hint:
                        "list every item once, in your order; the items: \(known.joined(separator: ", "))"
                )
            }
            return .order(ids)
        case .text:
            return .text(text)
        case .number(let answer):
            return .number(try NumberParser.parse(text, unit: answer.unit))
        case .rate(let responses, let scale):
            let known = listed(responses.map(\.id.value), shown: shown)
            return .rate(try RatingParser.parse(text, ids: known, scale: scale))
        }
    }

    /// The ids in the order shown; without one, as in the file, or alphabetical when the file's
    /// order is the key (an `order` question), never to be given away.
    static func listed(_ ids: [String], shown: [String]?, isKey: Bool = false) -> [String] {
        guard let shown else { return isKey ? ids.sorted() : ids }
        return shown.filter(ids.contains) + ids.filter { !shown.contains($0) }.sorted()
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
}
