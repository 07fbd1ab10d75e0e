import RehearseCore

/// Decodes a question, in a quiz or as a scenario step, with its kind's answer: options, items,
/// rubric, number range or responses to rate. Findings go to the file's `NodeDecoder`.
enum QuestionDecoder {
    static func decode(_ node: YAMLNode, _ d: NodeDecoder, inScenario: Bool) -> Question? {
        let noun = inScenario ? "step" : "question"
        guard let map = d.mapping(node, what: "a \(noun)") else { return nil }
        let idText = d.id(map, what: "a \(noun)")
        let what = idText.map { "\(noun) `\($0.value)`" } ?? "a \(noun)"
        let kind = d.choice(map, "kind", as: QuestionKind.self, required: true, what: what)

        let allowed = (inScenario ? stepKeys : questionKeys)[kind] ?? []
        d.checkKeys(map, allowed: allowed, what: kind.map { "a \($0.rawValue) \(noun)" } ?? what) {
            key in
            if key == "next" && !inScenario {
                return "`next` branches scenario steps; a quiz question has no next step"
            }
            let owners = FormatKeys.kinds(accepting: key)
            if owners.isEmpty, (FormatKeys.choiceOption + FormatKeys.rateResponse).contains(key) {
                return "it belongs to an option or a response (indent it under its `- id:`)"
            }
            guard !owners.isEmpty else { return nil }
            return "it belongs to \(owners.map(\.rawValue).joined(separator: ", ")) questions"
        }

        let prompt = d.string(map, "prompt", required: true, what: what)
        var competencies: [Located<String>] = []
        if let single = d.string(map, "competency", what: what) {
            d.checkID(single, what: what)
            competencies = [single]
            if map["competencies"] != nil {
                d.report(
                    .invalidValue, at: TextPosition(single.location),
                    "\(what) has both `competency` and `competencies`",
                    hint: "keep one: `competency: ID` or `competencies: [ID, ...]`")
            }
        } else {
            competencies = d.ids(map, "competencies", what: what)
        }
        var points = d.number(map, "points", what: what)
        if let value = points, value.value <= 0 {
            d.report(
                .invalidValue, at: TextPosition(value.location),
                "`points` of \(what) must be above 0, found \(format(value.value))",
                hint:
                    "give the question a positive number of points, or leave `points` out (default 1)"
            )
            points = nil
        }
        if let value = points, !withinMaximum(value, key: "points", of: what, d) { points = nil }
        let hint = d.string(map, "hint", what: what)?.value
        let explanation = d.string(map, "explanation", what: what)?.value
        let tags = d.strings(map, "tags", what: what, allowScalar: true).map(\.value)
        let next = inScenario ? d.string(map, "next", what: what) : nil

        guard let idText, let kind else { return nil }
        let body = body(kind, map, d, what: what, inScenario: inScenario, points: points)
        if case .text(let answer) = body, !answer.rubric.isEmpty, let given = points {
            d.report(
                .invalidValue, at: TextPosition(given.location),
                "\(what) has a rubric, so it is worth the sum of its groups' points; `points` cannot also be set",
                hint: "remove `points`, or change the groups' points")
            points = nil
        }
        return Question(
            id: idText, prompt: prompt?.value ?? "", competencies: competencies, points: points,
            hint: hint, explanation: explanation, tags: tags, body: body, next: next,
            location: d.location(map.position))
    }

    /// The keys a quiz question accepts, by kind (nil: not known, every kind's keys).
    static let questionKeys = keys(FormatKeys.question)
    /// The keys a scenario step accepts, by kind (nil: not known, every kind's keys).
    static let stepKeys = keys(FormatKeys.question + FormatKeys.stepOnly)

    private static func keys(_ common: [String]) -> [QuestionKind?: [String]] {
        var keys: [QuestionKind?: [String]] = [nil: common]
        for kind in QuestionKind.allCases {
            keys[kind] = common + FormatKeys.kindKeys(kind)
            keys[nil, default: []] += FormatKeys.kindKeys(kind)
        }
        return keys
    }

    /// The keys of a choice option in a quiz question (a scenario step's option also takes
    /// `next`).
    static let quizChoiceOption = FormatKeys.choiceOption.filter { $0 != "next" }

    /// Whether `value` is at most `Question.maximumPoints`; reports `invalid-value` when not.
    static func withinMaximum(
        _ value: Located<Double>, key: String, of what: String, _ d: NodeDecoder
    ) -> Bool {
        guard value.value > Question.maximumPoints else { return true }
        d.report(
            .invalidValue, at: TextPosition(value.location),
            "`\(key)` of \(what) is \(format(value.value)), more than the \(format(Question.maximumPoints)) points a question may be worth",
            hint: "give it at most \(format(Question.maximumPoints)) points")
        return false
    }

    static func body(
        _ kind: QuestionKind, _ map: YAMLMapping, _ d: NodeDecoder, what: String, inScenario: Bool,
        points: Located<Double>?
    ) -> QuestionBody {
        switch kind {
        case .choice:
            return .choice(
                options: options(map, d, what: what, multi: false, inScenario: inScenario))
        case .multi:
            let options = options(map, d, what: what, multi: true, inScenario: inScenario)
            let scoring =
                d.choice(map, "scoring", as: MultiScoring.self, what: what) ?? .allOrNothing
            return .multi(options: options, scoring: scoring)
        case .truefalse:
            guard let node = d.value(map, "answer", required: false, what: what) else {
                d.reportMissing(
                    .missingAnswer, keys: ["answer"], in: map,
                    "\(what) has no `answer`, so it cannot be scored",
                    hint: "add `answer: true` or `answer: false`")
                return .truefalse(answer: nil)
            }
            return .truefalse(answer: d.bool(node, key: "answer", what: what)?.value)
        case .order:
            let nodes = d.list(map, "items", required: true, what: what) ?? []
            let items = nodes.compactMap { node -> OrderItem? in
                guard let item = d.mapping(node, what: "an item of \(what)") else { return nil }
                d.checkKeys(item, allowed: FormatKeys.orderItem, what: "an item of \(what)")
                let id = d.id(item, what: "an item of \(what)")
                let text = d.string(item, "text", required: true, what: "an item of \(what)")
                guard let id else { return nil }
                return OrderItem(id: id, text: text?.value ?? id.value)
            }
            if nodes.count == 1 {
                d.report(
                    .invalidValue, at: nodes[0].position,
                    "\(what) orders a single item; there is nothing to put in order",
                    hint: "list at least two items, in the right order")
            }
            let scoring = d.choice(map, "scoring", as: OrderScoring.self, what: what) ?? .exact
            return .order(items: items, scoring: scoring)
        case .text:
            var answer = TextAnswer()
            answer.accept = d.strings(map, "accept", what: what, allowScalar: true).map(\.value)
            answer.patterns = d.strings(map, "patterns", what: what, allowScalar: true)
            let groups = d.list(map, "rubric", what: what) ?? []
            answer.rubric = groups.compactMap { node -> RubricGroup? in
                let noun = "a rubric group of \(what)"
                guard let group = d.mapping(node, what: noun) else { return nil }
                d.checkKeys(group, allowed: FormatKeys.rubricGroup, what: noun)
                let words = d.strings(group, "any", required: true, what: noun, allowScalar: true)
                var points = d.number(group, "points", what: noun)
                if let given = points, given.value <= 0 {
                    d.report(
                        .invalidValue, at: TextPosition(given.location),
                        "`points` of \(noun) must be above 0, found \(format(given.value))",
                        hint: "give the group a positive number of points (default 1)")
                }
                if let given = points, !withinMaximum(given, key: "points", of: noun, d) {
                    points = nil
                }
                return RubricGroup(
                    any: words.map(\.value),
                    points: points ?? Located(1, at: d.location(group.position)),
                    location: d.location(group.position))
            }
            if !answer.rubric.isEmpty, map["accept"] != nil || map["patterns"] != nil {
                d.report(
                    .invalidValue, at: map.position,
                    "\(what) has a `rubric` and also `accept` or `patterns`",
                    hint: "a rubric stands alone: keep the rubric, or the accepted answers")
            }
            if answer.accept.isEmpty && answer.patterns.isEmpty && answer.rubric.isEmpty
                && map["accept"] == nil && map["patterns"] == nil && map["rubric"] == nil
            {
                d.reportMissing(
                    .missingAnswer, keys: ["accept", "patterns", "rubric"], in: map,
                    "\(what) has no `accept`, `patterns` or `rubric`, so it cannot be scored",
                    hint: "add `accept: [...]` with the answers to take, or a `rubric`")
            }
            return .text(answer)
        case .number:
            var answer = NumberAnswer()
            answer.answer = d.number(map, "answer", what: what)?.value
            if let tolerance = d.number(map, "tolerance", what: what) {
                if tolerance.value < 0 {
                    d.report(
                        .invalidValue, at: TextPosition(tolerance.location),
                        "`tolerance` of \(what) cannot be negative",
                        hint: "give how far an answer may be off, e.g. `tolerance: 0.5`")
                } else {
                    answer.tolerance = tolerance.value
                }
            }
            if let rangeNode = d.value(map, "range", required: false, what: what) {
                answer.range = range(rangeNode, d, what: what)
                if map["answer"] != nil {
                    d.report(
                        .invalidValue, at: rangeNode.position,
                        "\(what) has both `answer` and `range`",
                        hint: "keep `answer` (with `tolerance`) or `range: [low, high]`, not both")
                }
            }
            answer.unit = d.string(map, "unit", what: what)?.value
            if map["answer"] == nil && map["range"] == nil {
                d.reportMissing(
                    .missingAnswer, keys: ["answer", "range"], in: map,
                    "\(what) has no `answer` or `range`, so it cannot be scored",
                    hint: "add `answer: NUMBER` (optionally `tolerance`) or `range: [low, high]`")
            }
            return .number(answer)
        case .rate:
            let scale = d.integer(map, "scale", what: what)
            var scaleValue = 5
            if let scale {
                if scale.value < 2 || scale.value > 100 {
                    d.report(
                        .invalidValue, at: TextPosition(scale.location),
                        "`scale` of \(what) must be from 2 to 100, found \(scale.value)",
                        hint: "ratings run from 1 to `scale`; the usual scale is 5")
                } else {
                    scaleValue = scale.value
                }
            }
            let nodes = d.list(map, "responses", required: true, what: what) ?? []
            let responses = nodes.compactMap { node -> RateResponse? in
                let noun = "a response of \(what)"
                guard let response = d.mapping(node, what: noun) else { return nil }
                d.checkKeys(response, allowed: FormatKeys.rateResponse, what: noun)
                let id = d.id(response, what: noun)
                let text = d.string(response, "text", required: true, what: noun)
                let key = d.number(response, "key", what: noun)
                if response["key"] == nil {
                    d.reportMissing(
                        .missingAnswer, keys: ["key"], in: response,
                        "\(noun) has no expert rating `key`, so it cannot be scored",
                        hint:
                            "add `key: N` with the rating an expert gives, from 1 to \(scaleValue)")
                }
                let feedback = d.string(response, "feedback", what: noun)
                guard let id else { return nil }
                return RateResponse(
                    id: id, text: text?.value ?? id.value, key: key, feedback: feedback?.value)
            }
            return .rate(responses: responses, scale: scaleValue)
        }
    }

    static func options(
        _ map: YAMLMapping, _ d: NodeDecoder, what: String, multi: Bool, inScenario: Bool
    ) -> [ChoiceOption] {
        let nodes = d.list(map, "options", required: true, what: what) ?? []
        let allowed =
            multi
            ? FormatKeys.multiOption
            : inScenario ? FormatKeys.choiceOption : quizChoiceOption
        return nodes.compactMap { node in
            let noun = "an option of \(what)"
            guard let option = d.mapping(node, what: noun) else { return nil }
            d.checkKeys(option, allowed: allowed, what: noun) { key in
                if key == "score" && multi {
                    return "a multi question scores by `correct: true/false` on each option"
                }
                if key == "next" && !inScenario {
                    return "`next` branches scenario steps; a quiz question has no next step"
                }
                return nil
            }
            let id = d.id(option, what: noun)
            let text = d.string(option, "text", required: true, what: noun)
            var score = multi ? nil : d.number(option, "score", what: noun)
            if let given = score, given.value < 0 {
                d.report(
                    .invalidValue, at: TextPosition(given.location),
                    "`score` of \(noun) cannot be negative",
                    hint: "score a poor option 0; negative marks are not supported")
                score = Located(0, at: given.location)
            }
            if let given = score, !withinMaximum(given, key: "score", of: noun, d) {
                score = Located(Question.maximumPoints, at: given.location)
            }
            let correct = d.value(option, "correct", required: false, what: noun).flatMap {
                d.bool($0, key: "correct", what: noun)
            }
            if let score, correct != nil {
                d.report(
                    .invalidValue, at: TextPosition(score.location),
                    "\(noun) has both `score` and `correct`",
                    hint: "keep `score: N` for partial credit, or `correct: true` for full points")
            }
            let feedback = d.string(option, "feedback", what: noun)?.value
            let next = inScenario && !multi ? d.string(option, "next", what: noun) : nil
            guard let id else { return nil }
            return ChoiceOption(
                id: id, text: text?.value ?? id.value, score: score, correct: correct,
                feedback: feedback, next: next, location: d.location(option.position))
        }
    }

    static func range(_ node: YAMLNode, _ d: NodeDecoder, what: String) -> ClosedRange<
        Double
    >? {
        guard case .sequence(let sequence) = node, sequence.items.count == 2 else {
            d.report(
                .wrongType, at: node.position,
                "`range` of \(what) must be a list of two numbers, found \(node.typeDescription)",
                hint: "write `range: [low, high]`")
            return nil
        }
        guard let low = d.number(sequence.items[0], key: "range", what: what),
            let high = d.number(sequence.items[1], key: "range", what: what)
        else { return nil }
        guard low.value <= high.value else {
            d.report(
                .invalidValue, at: sequence.position,
                "`range` of \(what) runs backwards: \(format(low.value)) is above \(format(high.value))",
                hint:
                    "write the lower bound first: `range: [\(format(high.value)), \(format(low.value))]`"
            )
            return nil
        }
        return low.value...high.value
    }
}
