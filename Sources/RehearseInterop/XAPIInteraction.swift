import RehearseBank
import RehearseCore
import RehearseScoring

/// How a question reads in xAPI: its activity definition (`cmi.interaction` with the interaction
/// type, choices, scale and correct responses) and a learner's answer in xAPI's response
/// encoding (`a[,]c`, `4[:]6`, `r1[.]4[,]r2[.]5`).
public enum XAPIInteraction {
    /// The separator of list items in a response or pattern.
    static let listSeparator = "[,]"

    /// The activity object of a question: `{"objectType", "id", "definition"}` as compact JSON.
    /// A question the bank no longer has gets an activity without a definition.
    public static func activity(
        ref: String, question: Question?, settings: XAPISettings
    ) -> [UInt8] {
        var json = JSONWriter(capacity: 512)
        json.raw("{\"objectType\":\"Activity\",\"id\":")
        json.string(settings.questionActivity(ref))
        if let question {
            json.raw(",\"definition\":{\"type\":")
            json.string(XAPIVocabulary.interaction)
            let name = question.prompt.trimmingSpaces
            if !name.isEmpty {
                json.raw(",\"name\":")
                languageMap(name, into: &json)
            }
            json.raw(",\"interactionType\":")
            json.string(XAPIVocabulary.interactionType(of: question))
            let patterns = correctPatterns(of: question)
            if !patterns.isEmpty {
                json.raw(",\"correctResponsesPattern\":[")
                for (index, pattern) in patterns.enumerated() {
                    if index > 0 { json.raw(",") }
                    json.string(pattern)
                }
                json.raw("]")
            }
            components(of: question, into: &json)
            json.raw("}")
        }
        json.raw("}")
        return json.bytes
    }

    /// An activity with a type and a name (a quiz or a scenario).
    public static func namedActivity(id: String, type: String, name: String) -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.raw("{\"objectType\":\"Activity\",\"id\":")
        json.string(id)
        json.raw(",\"definition\":{\"type\":")
        json.string(type)
        let trimmed = name.trimmingSpaces
        if !trimmed.isEmpty {
            json.raw(",\"name\":")
            languageMap(trimmed, into: &json)
        }
        json.raw("}}")
        return json.bytes
    }

    /// The answer in xAPI's encoding for the question's interaction type; the answer as written
    /// when it cannot be read for the question (or the question is unknown).
    public static func response(_ answer: String, to question: Question?) -> String {
        guard let question, case .success(let read?) = AnswerParser.parse(answer, for: question)
        else { return answer }
        switch read {
        case .choice(let id): return id
        case .multi(let ids), .order(let ids): return ids.joined(separator: listSeparator)
        case .truefalse(let value): return value ? "true" : "false"
        case .text(let text): return text
        case .number(let value): return format(value)
        case .rate(let ratings):
            let ids = rateIDs(of: question) ?? ratings.keys.sorted()
            return ids.compactMap { id in ratings[id].map { "\(id)[.]\($0)" } }
                .joined(separator: listSeparator)
        }
    }

    /// The correct responses of a question, each a full-marks answer in xAPI's encoding; empty
    /// when none can be written (a rubric, text patterns, an unkeyed question).
    public static func correctPatterns(of question: Question) -> [String] {
        switch question.body {
        case .choice(let options):
            let best = question.maxPoints
            guard best > 0 else { return [] }
            return options.filter { question.points(for: $0) >= best }.map(\.id.value)
        case .multi(let options, _):
            let right = options.filter { option in
                if let score = option.score { return score.value > 0 }
                return option.correct?.value == true
            }
            return right.isEmpty ? [] : [right.map(\.id.value).joined(separator: listSeparator)]
        case .truefalse(let answer):
            return answer.map { [$0 ? "true" : "false"] } ?? []
        case .order(let items, _):
            return items.isEmpty ? [] : [items.map(\.id.value).joined(separator: listSeparator)]
        case .text(let answer):
            guard answer.rubric.isEmpty else { return [] }
            return answer.accept.filter { !$0.trimmingSpaces.isEmpty }.map {
                "{case_matters=false}" + $0
            }
        case .number(let answer):
            if let range = answer.range {
                return [format(range.lowerBound) + "[:]" + format(range.upperBound)]
            }
            guard let value = answer.answer, value.isFinite else { return [] }
            let tolerance = abs(answer.tolerance)
            guard tolerance > 0, tolerance.isFinite else { return [format(value)] }
            return [format(value - tolerance) + "[:]" + format(value + tolerance)]
        case .rate(let responses, _):
            let keyed = responses.compactMap { response in
                response.key.map { "\(response.id.value)[.]\(format($0.value))" }
            }
            guard keyed.count == responses.count, !keyed.isEmpty else { return [] }
            return [keyed.joined(separator: listSeparator)]
        }
    }

    /// `choices` (choice, multi, order) or `scale` (rate) with their descriptions.
    private static func components(of question: Question, into json: inout JSONWriter) {
        var list: [(id: String, text: String)] = []
        var key = ",\"choices\":["
        switch question.body {
        case .choice(let options), .multi(let options, _):
            list = options.map { ($0.id.value, $0.text) }
        case .order(let items, _):
            list = items.map { ($0.id.value, $0.text) }
        case .rate(_, let scale):
            key = ",\"scale\":["
            list = (1...max(1, min(scale, 100))).map { ("\($0)", "\($0)") }
        default:
            return
        }
        guard !list.isEmpty else { return }
        json.text(key)
        for (index, component) in list.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"id\":")
            json.string(component.id)
            let text = component.text.trimmingSpaces
            if !text.isEmpty {
                json.raw(",\"description\":")
                languageMap(text, into: &json)
            }
            json.raw("}")
        }
        json.raw("]")
    }

    private static func rateIDs(of question: Question) -> [String]? {
        if case .rate(let responses, _) = question.body { return responses.map(\.id.value) }
        return nil
    }

    /// `{"und": TEXT}`.
    static func languageMap(_ text: String, into json: inout JSONWriter) {
        json.raw("{\"")
        json.text(XAPIVocabulary.language)
        json.raw("\":")
        json.string(text)
        json.raw("}")
    }
}
