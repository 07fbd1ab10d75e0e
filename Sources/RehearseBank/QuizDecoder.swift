import RehearseCore

/// Decodes a quiz file: its settings and its items (scenarios, inline questions and draws).
/// Findings go to the file's `NodeDecoder`.
enum QuizDecoder {
    static func decode(_ root: YAMLNode, _ d: NodeDecoder) -> Quiz? {
        guard let map = d.mapping(root, what: "a quiz") else { return nil }
        d.checkKeys(map, allowed: FormatKeys.quiz, what: "a quiz") { key in
            key == "steps" ? "steps belong to scenarios; a quiz lists `items`" : nil
        }
        let what = "the quiz"
        let id = d.id(map, what: what)
        let title = d.string(map, "title", required: true, what: what)
        let description = d.string(map, "description", what: what)
        let passNode = d.value(map, "pass", required: false, what: what)
        let pass = passNode.flatMap { passMark($0, d) }
        let mode = d.choice(map, "mode", as: QuizMode.self, what: what) ?? .practice
        let shuffle = d.choice(map, "shuffle", as: ShuffleMode.self, what: what) ?? .none
        let review = d.choice(map, "review", as: ReviewPolicy.self, what: what) ?? .full
        var timeLimit: Located<Int>?
        if let node = d.value(map, "time-limit", required: false, what: what) {
            timeLimit = duration(node, d)
        }
        let tags = d.strings(map, "tags", what: what, allowScalar: true).map(\.value)
        let nodes = d.list(map, "items", required: true, what: what) ?? []
        let items = nodes.compactMap { item($0, d) }
        guard let id else { return nil }
        var hasPercentSign = false
        if case .scalar(let scalar)? = passNode { hasPercentSign = scalar.value.contains("%") }
        var quiz = Quiz(
            id: id, title: title?.value ?? id.value, description: description?.value, pass: pass,
            passHasPercentSign: hasPercentSign, mode: mode, shuffle: shuffle, timeLimit: timeLimit,
            items: items, tags: tags, location: d.location(map.position))
        quiz.review = review
        return quiz
    }

    static func item(_ node: YAMLNode, _ d: NodeDecoder) -> QuizItem? {
        let noun = "a quiz item"
        guard let map = d.mapping(node, what: noun) else { return nil }
        d.checkKeys(map, allowed: FormatKeys.quizItem, what: noun) { key in
            FormatKeys.question.contains(key)
                ? "an inline question goes under `question:`, indented" : nil
        }
        let present = ["scenario", "question", "draw"].filter { map[$0] != nil }
        guard present.count == 1 else {
            if present.isEmpty {
                d.reportMissing(
                    .missingKey, keys: ["scenario", "question", "draw"], in: map,
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
            return QuestionDecoder.decode(question, d, inScenario: false).map(QuizItem.question)
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
    static func passMark(_ node: YAMLNode, _ d: NodeDecoder) -> Located<Double>? {
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
    static func duration(_ node: YAMLNode, _ d: NodeDecoder) -> Located<Int>? {
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
}
