import Dispatch
import RehearseCore

/// What loading produced: the bank and every finding made while reading its files.
public struct LoadResult: Sendable {
    public var bank: Bank
    public var diagnostics: [Diagnostic]
}

/// Turns source files into a `Bank`. Files are read in parallel; one broken file never stops the
/// others. Every finding carries the file, line and column of the value it is about.
public enum BankLoader {
    public static func load(_ sources: [SourceFile], limits: YAMLLimits = .standard) -> LoadResult {
        let parsed = parallelMap(sources) { decode($0, limits: limits) }
        var bank = Bank()
        var diagnostics: [Diagnostic] = []
        var declared: [Competency] = []
        for file in parsed {
            diagnostics.append(contentsOf: file.diagnostics)
            switch file.content {
            case .scenario(let scenario): bank.scenarios.append(scenario)
            case .quiz(let quiz): bank.quizzes.append(quiz)
            case .config(let competencies): declared.append(contentsOf: competencies)
            case nil: break
            }
        }
        if !declared.isEmpty { bank.competencies = declared }
        return LoadResult(bank: bank, diagnostics: diagnostics)
    }

    enum Content {
        case scenario(Scenario)
        case quiz(Quiz)
        case config([Competency])
    }

    struct FileResult {
        var content: Content?
        var diagnostics: [Diagnostic]
    }

    static func decode(_ source: SourceFile, limits: YAMLLimits) -> FileResult {
        let decoder = NodeDecoder(file: source.path)
        let document: YAMLDocument
        switch YAMLReader.read(source.bytes, limits: limits) {
        case .success(let read): document = read
        case .failure(let problem):
            let location = decoder.location(problem.position)
            let diagnostic: Diagnostic
            switch problem.kind {
            case .syntax:
                diagnostic = LoadRule.yamlSyntax.finding(
                    at: location, problem.message, hint: problem.hint)
            case .encoding:
                diagnostic = LoadRule.invalidEncoding.finding(
                    at: location, problem.message, hint: problem.hint)
            case .limit:
                diagnostic = LoadRule.inputLimit.finding(
                    at: location, problem.message, hint: problem.hint)
            case .anchor:
                diagnostic = LoadRule.yamlAnchor.finding(
                    at: location, problem.message, hint: problem.hint)
            }
            return FileResult(content: nil, diagnostics: [diagnostic])
        }
        for duplicate in document.duplicateKeys {
            decoder.report(
                .duplicateKey, at: duplicate.position,
                "duplicate key `\(duplicate.key)` (first given at line \(duplicate.firstPosition.line))",
                hint: "keep one `\(duplicate.key)`: YAML mappings hold each key once")
        }
        guard let root = document.root else {
            decoder.report(
                .missingKey, at: TextPosition(line: 1, column: 1), "the file is empty",
                hint: "write a quiz or a scenario; see docs/format.md")
            return FileResult(content: nil, diagnostics: decoder.diagnostics)
        }
        var content: Content?
        var role = source.roleFromPath
        if role == .automatic, case .mapping(let mapping) = root {
            if mapping["steps"] != nil {
                role = .scenario
            } else if mapping["items"] != nil {
                role = .quiz
            } else if mapping["competencies"] != nil && mapping["id"] == nil {
                role = .config
            }
        }
        switch role {
        case .scenario:
            content = decodeScenario(root, decoder).map { scenario in
                var scenario = scenario
                scenario.sourceHash = ContentHash.of(source.bytes)
                return Content.scenario(scenario)
            }
        case .quiz:
            content = decodeQuiz(root, decoder).map { quiz in
                var quiz = quiz
                quiz.sourceHash = ContentHash.of(source.bytes)
                return Content.quiz(quiz)
            }
        case .config:
            content = decodeConfig(root, decoder).map(Content.config)
        case .automatic:
            decoder.report(
                .missingKey, at: root.position,
                "cannot tell whether this file is a quiz or a scenario: it has neither `items` nor `steps`",
                hint:
                    "put scenarios under scenarios/ with `steps:`, quizzes under quizzes/ with `items:`"
            )
        }
        return FileResult(content: content, diagnostics: decoder.diagnostics)
    }

    // MARK: Scenario

    static func decodeScenario(_ root: YAMLNode, _ d: NodeDecoder) -> Scenario? {
        guard let map = d.mapping(root, what: "a scenario") else { return nil }
        d.checkKeys(map, allowed: FormatKeys.scenario, what: "a scenario") { key in
            key == "competency" ? "a scenario lists `competencies: [...]`" : nil
        }
        let what = "the scenario"
        let id = d.id(map, what: what)
        let title = d.string(map, "title", required: true, what: what)
        let channel = d.choice(map, "channel", as: Channel.self, what: what)
        let competencies = d.ids(map, "competencies", what: what)
        let customer = d.string(map, "customer", what: what)
        let context = d.string(map, "context", what: what)
        let start = d.string(map, "start", what: what)
        let tags = d.strings(map, "tags", what: what, allowScalar: true).map(\.value)
        let stepNodes = d.list(map, "steps", required: true, what: what) ?? []
        let steps = stepNodes.compactMap { decodeQuestion($0, d, inScenario: true) }
        guard let id else { return nil }
        return Scenario(
            id: id, title: title?.value ?? id.value, channel: channel, competencies: competencies,
            customer: customer?.value, context: context?.value, start: start, steps: steps,
            tags: tags, location: d.location(map.position))
    }

    // MARK: Question

    static func decodeQuestion(_ node: YAMLNode, _ d: NodeDecoder, inScenario: Bool) -> Question? {
        let noun = inScenario ? "step" : "question"
        guard let map = d.mapping(node, what: "a \(noun)") else { return nil }
        let idText = d.id(map, what: "a \(noun)")
        let what = idText.map { "\(noun) `\($0.value)`" } ?? "a \(noun)"
        let kind = d.choice(map, "kind", as: QuestionKind.self, required: true, what: what)

        var allowed = FormatKeys.question + (inScenario ? FormatKeys.stepOnly : [])
        if let kind {
            allowed += FormatKeys.kindKeys(kind)
        } else {
            for each in QuestionKind.allCases { allowed += FormatKeys.kindKeys(each) }
        }
        d.checkKeys(map, allowed: allowed, what: kind.map { "a \($0.rawValue) \(noun)" } ?? what) {
            key in
            if key == "next" && !inScenario {
                return "`next` branches scenario steps; a quiz question has no next step"
            }
            let owners = FormatKeys.kinds(accepting: key)
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
        let hint = d.string(map, "hint", what: what)?.value
        let explanation = d.string(map, "explanation", what: what)?.value
        let tags = d.strings(map, "tags", what: what, allowScalar: true).map(\.value)
        let next = inScenario ? d.string(map, "next", what: what) : nil

        guard let idText, let kind else { return nil }
        let body = decodeBody(kind, map, d, what: what, inScenario: inScenario, points: points)
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

    static func decodeBody(
        _ kind: QuestionKind, _ map: YAMLMapping, _ d: NodeDecoder, what: String, inScenario: Bool,
        points: Located<Double>?
    ) -> QuestionBody {
        switch kind {
        case .choice:
            return .choice(
                options: decodeOptions(map, d, what: what, multi: false, inScenario: inScenario))
        case .multi:
            let options = decodeOptions(map, d, what: what, multi: true, inScenario: inScenario)
            let scoring =
                d.choice(map, "scoring", as: MultiScoring.self, what: what) ?? .allOrNothing
            return .multi(options: options, scoring: scoring)
        case .truefalse:
            guard let node = d.value(map, "answer", required: false, what: what) else {
                d.report(
                    .missingAnswer, at: map.position,
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
                let points = d.number(group, "points", what: noun)
                if let points, points.value <= 0 {
                    d.report(
                        .invalidValue, at: TextPosition(points.location),
                        "`points` of \(noun) must be above 0, found \(format(points.value))",
                        hint: "give the group a positive number of points (default 1)")
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
                d.report(
                    .missingAnswer, at: map.position,
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
                answer.range = decodeRange(rangeNode, d, what: what)
                if map["answer"] != nil {
                    d.report(
                        .invalidValue, at: rangeNode.position,
                        "\(what) has both `answer` and `range`",
                        hint: "keep `answer` (with `tolerance`) or `range: [low, high]`, not both")
                }
            }
            answer.unit = d.string(map, "unit", what: what)?.value
            if map["answer"] == nil && map["range"] == nil {
                d.report(
                    .missingAnswer, at: map.position,
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
                    d.report(
                        .missingAnswer, at: response.position,
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

    static func decodeOptions(
        _ map: YAMLMapping, _ d: NodeDecoder, what: String, multi: Bool, inScenario: Bool
    ) -> [ChoiceOption] {
        let nodes = d.list(map, "options", required: true, what: what) ?? []
        let allowed =
            multi
            ? FormatKeys.multiOption
            : FormatKeys.choiceOption.filter { inScenario || $0 != "next" }
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
            let score = multi ? nil : d.number(option, "score", what: noun)
            if let score, score.value < 0 {
                d.report(
                    .invalidValue, at: TextPosition(score.location),
                    "`score` of \(noun) cannot be negative",
                    hint: "score a poor option 0; negative marks are not supported")
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

    static func decodeRange(_ node: YAMLNode, _ d: NodeDecoder, what: String) -> ClosedRange<
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

    // MARK: Quiz

    static func decodeQuiz(_ root: YAMLNode, _ d: NodeDecoder) -> Quiz? {
        guard let map = d.mapping(root, what: "a quiz") else { return nil }
        d.checkKeys(map, allowed: FormatKeys.quiz, what: "a quiz") { key in
            key == "steps" ? "steps belong to scenarios; a quiz lists `items`" : nil
        }
        let what = "the quiz"
        let id = d.id(map, what: what)
        let title = d.string(map, "title", required: true, what: what)
        let description = d.string(map, "description", what: what)
        let pass = d.value(map, "pass", required: false, what: what).flatMap { decodePass($0, d) }
        let mode = d.choice(map, "mode", as: QuizMode.self, what: what) ?? .practice
        let shuffle = d.choice(map, "shuffle", as: ShuffleMode.self, what: what) ?? .none
        var timeLimit: Located<Int>?
        if let node = d.value(map, "time-limit", required: false, what: what) {
            timeLimit = decodeDuration(node, d)
        }
        let tags = d.strings(map, "tags", what: what, allowScalar: true).map(\.value)
        let nodes = d.list(map, "items", required: true, what: what) ?? []
        let items = nodes.compactMap { decodeQuizItem($0, d) }
        guard let id else { return nil }
        return Quiz(
            id: id, title: title?.value ?? id.value, description: description?.value, pass: pass,
            mode: mode, shuffle: shuffle, timeLimit: timeLimit, items: items, tags: tags,
            location: d.location(map.position))
    }

    static func decodeQuizItem(_ node: YAMLNode, _ d: NodeDecoder) -> QuizItem? {
        let noun = "a quiz item"
        guard let map = d.mapping(node, what: noun) else { return nil }
        d.checkKeys(map, allowed: FormatKeys.quizItem, what: noun) { key in
            FormatKeys.question.contains(key)
                ? "an inline question goes under `question:`, indented" : nil
        }
        let present = ["scenario", "question", "draw"].filter { map[$0] != nil }
        guard present.count == 1 else {
            if present.isEmpty {
                d.report(
                    .missingKey, at: map.position,
                    "\(noun) needs one of `scenario`, `question` or `draw`",
                    hint: "write `- scenario: ID`, `- question: {...}` or `- draw: N` with `from:`")
            } else {
                d.report(
                    .invalidValue, at: map.position,
                    "\(noun) has \(present.map { "`\($0)`" }.joined(separator: " and ")); it takes one",
                    hint: "split it into one item each")
            }
            return nil
        }
        if map["from"] != nil && present[0] != "draw" {
            d.report(
                .unknownKey, at: map.position,
                "`from` belongs to a `draw` item", hint: "remove `from`, or make the item a draw")
        }
        switch present[0] {
        case "scenario":
            guard let ref = d.string(map, "scenario", required: true, what: noun) else {
                return nil
            }
            return .scenario(ref)
        case "question":
            guard let question = map["question"] else { return nil }
            return decodeQuestion(question, d, inScenario: false).map(QuizItem.question)
        default:
            guard let count = d.integer(map, "draw", required: true, what: "a draw") else {
                return nil
            }
            if count.value < 1 {
                d.report(
                    .invalidValue, at: TextPosition(count.location),
                    "a draw must pick at least one scenario, found \(count.value)",
                    hint: "write `draw: 1` or more")
                return nil
            }
            var filter = DrawFilter()
            if let fromNode = d.value(map, "from", required: false, what: "a draw"),
                let from = d.mapping(fromNode, what: "`from` of a draw")
            {
                let what = "`from` of a draw"
                d.checkKeys(from, allowed: FormatKeys.drawFilter, what: what)
                filter.competencies =
                    d.ids(from, "competency", what: what) + d.ids(from, "competencies", what: what)
                filter.channel = d.choice(from, "channel", as: Channel.self, what: what)
                filter.tags = d.strings(from, "tags", what: what, allowScalar: true).map(\.value)
                filter.scenarios = d.ids(from, "scenarios", what: what)
            }
            return .draw(Draw(count: count, filter: filter, location: d.location(map.position)))
        }
    }

    /// `pass: 75%`, `pass: "75 %"` or `pass: 75` (percent). Range is checked by a rule.
    static func decodePass(_ node: YAMLNode, _ d: NodeDecoder) -> Located<Double>? {
        guard case .scalar(let scalar) = node else {
            _ = d.number(node, key: "pass", what: "the quiz")
            return nil
        }
        var text = scalar.value.trimmingSpaces
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingSpaces }
        guard let value = YAMLScalar(value: text, style: .plain, position: scalar.position).number
        else {
            d.report(
                .invalidValue, at: scalar.position,
                "`pass` of the quiz must be a percentage, found `\(scalar.value)`",
                hint: "write the pass mark as a percentage, e.g. `pass: 75%`")
            return nil
        }
        return Located(value, at: d.location(scalar.position))
    }

    /// `time-limit: 20m`, `90s`, `1h30m`, or a bare number of minutes.
    static func decodeDuration(_ node: YAMLNode, _ d: NodeDecoder) -> Located<Int>? {
        let hint = "write a duration such as `20m`, `90s` or `1h30m` (a bare number means minutes)"
        guard case .scalar(let scalar) = node, let seconds = Duration.seconds(scalar.value),
            seconds > 0
        else {
            d.report(
                .invalidValue, at: node.position,
                "`time-limit` of the quiz cannot be `\(d.scalarText(node))`", hint: hint)
            return nil
        }
        return Located(seconds, at: d.location(scalar.position))
    }

    // MARK: rehearse.yaml

    static func decodeConfig(_ root: YAMLNode, _ d: NodeDecoder) -> [Competency]? {
        guard let map = d.mapping(root, what: "rehearse.yaml") else { return nil }
        d.checkKeys(map, allowed: FormatKeys.config, what: "rehearse.yaml")
        let nodes = d.list(map, "competencies", required: true, what: "rehearse.yaml") ?? []
        return nodes.compactMap { node in
            let noun = "a competency"
            guard let item = d.mapping(node, what: noun) else { return nil }
            d.checkKeys(item, allowed: FormatKeys.competency, what: noun)
            guard let id = d.id(item, what: noun) else { return nil }
            let title = d.string(item, "title", required: true, what: "competency `\(id.value)`")
            let description = d.string(item, "description", what: "competency `\(id.value)`")
            return Competency(
                id: id.value, title: title?.value ?? id.value, description: description?.value ?? ""
            )
        }
    }
}

/// Durations as the format writes them.
enum Duration {
    /// Seconds of `20m`, `90s`, `1h30m`, `1h 30m`; a bare number is minutes. Nil when unreadable.
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces.lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let minutes = Int(trimmed) { return minutes * 60 }
        var total = 0
        var digits = ""
        for character in trimmed where character != " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            guard let amount = Int(digits), digits.count <= 6 else { return nil }
            switch character {
            case "h": total += amount * 3600
            case "m": total += amount * 60
            case "s": total += amount
            default: return nil
            }
            digits = ""
        }
        return digits.isEmpty ? total : nil
    }
}
