import RehearseBank
import RehearseCore
import RehearseScoring

/// A JSON Schema (draft 2020-12) of the bank format: quiz files, scenario files and
/// `rehearse.yaml`, for editors (completion, hover help) and other validators.
///
/// Every object's `properties` come from `FormatKeys`, the table the loader checks keys
/// against, so the schema and the loader cannot drift apart. Types, defaults, enumerations
/// and bounds follow `BankLoader` and the error rules of `rehearse check`; what a schema cannot
/// say (references between files, scoring sums, cycles) is left to `rehearse check`.
public enum FormatSchema {
    /// Which files a schema describes.
    public enum Target: String, CaseIterable, Sendable {
        /// Any bank file: a quiz, a scenario or `rehearse.yaml`.
        case all
        /// A quiz file (`quizzes/*.yaml`).
        case quiz
        /// A scenario file (`scenarios/*.yaml`).
        case scenario
        /// The bank's `rehearse.yaml`.
        case config
    }

    /// The JSON Schema dialect.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"
    /// The `$id` of the schema of every bank file; one target's schema appends `:TARGET`.
    public static let identifier = "urn:rehearse:bank-format:v1"
    /// The pattern every id matches.
    public static let idPattern = "^[a-z0-9][a-z0-9-]{0,63}$"

    /// The schema as pretty-printed JSON text (two-space indent, no trailing newline). The
    /// same target always gives the same text.
    public static func json(for target: Target) -> String {
        document(for: target).rendered(inlineWidth: 80)
    }

    // MARK: Document

    static func document(for target: Target) -> JSON {
        var root: [(key: String, value: JSON)] = [
            ("$schema", .string(dialect)),
            ("$id", .string(target == .all ? identifier : "\(identifier):\(target.rawValue)")),
        ]
        let description =
            "A quiz (quizzes/*.yaml, has `items`), a scenario (scenarios/*.yaml, has `steps`) "
            + "or the bank's rehearse.yaml (has `competencies` and no `id`)."
        switch target {
        case .all:
            root.append(("title", "Rehearse bank file"))
            root.append(("description", .string(description)))
            root.append(("type", "object"))
            root.append(("oneOf", [ref("quiz"), ref("scenario"), ref("config")]))
        case .quiz:
            root.append(("title", "Rehearse quiz"))
            root.append(("$ref", ref("quiz")["$ref"]))
        case .scenario:
            root.append(("title", "Rehearse scenario"))
            root.append(("$ref", ref("scenario")["$ref"]))
        case .config:
            root.append(("title", "Rehearse bank configuration"))
            root.append(("$ref", ref("config")["$ref"]))
        }
        let all = definitions()
        let used = referencedDefinitions(from: .object(root), in: all)
        root.append(("$defs", .object(all.filter { used.contains($0.key) })))
        return .object(root)
    }

    /// A reference to a definition.
    static func ref(_ name: String) -> JSON { ["$ref": .string("#/$defs/\(name)")] }

    /// The names of the definitions `root` uses, directly or through other definitions.
    static func referencedDefinitions(
        from root: JSON, in definitions: [(key: String, value: JSON)]
    ) -> Set<String> {
        var found: Set<String> = []
        var pending = [root]
        while let value = pending.popLast() {
            for target in value.references {
                let prefix = "#/$defs/"
                guard target.hasPrefix(prefix) else { continue }
                let name = String(target.dropFirst(prefix.count))
                guard found.insert(name).inserted,
                    let definition = definitions.first(where: { $0.key == name })
                else { continue }
                pending.append(definition.value)
            }
        }
        return found
    }

    static func definitions() -> [(key: String, value: JSON)] {
        var result: [(key: String, value: JSON)] = [
            ("quiz", quiz()),
            ("quiz-item", quizItem()),
            ("draw-filter", drawFilter()),
            ("scenario", scenario()),
            ("config", config()),
            ("competency", competency()),
            ("question", questionDispatch(inScenario: false)),
            ("step", questionDispatch(inScenario: true)),
        ]
        for inScenario in [false, true] {
            for kind in QuestionKind.allCases {
                result.append(
                    (
                        questionName(kind, inScenario: inScenario),
                        question(kind, inScenario: inScenario)
                    ))
            }
        }
        result += [
            ("choice-option", choiceOption(inScenario: false)),
            ("step-choice-option", choiceOption(inScenario: true)),
            ("multi-option", multiOption()),
            ("order-item", orderItem()),
            ("rubric-group", rubricGroup()),
            ("rate-response", rateResponse()),
        ]
        return result
    }

    /// The definition name of a question of one kind: `question-choice`, `step-choice`, ...
    static func questionName(_ kind: QuestionKind, inScenario: Bool) -> String {
        "\(inScenario ? "step" : "question")-\(kind.rawValue)"
    }

    // MARK: Building blocks

    /// A closed object: its `properties` are exactly `keys` (from `FormatKeys`), in that order.
    /// A key without an entry in `schemas` gets an empty schema (the tests catch that).
    static func object(
        title: String, description: String, keys: [String], schemas: [String: JSON],
        required: [String], extra: [(key: String, value: JSON)] = []
    ) -> JSON {
        let properties = keys.map { (key: $0, value: schemas[$0] ?? JSON.object([])) }
        var pairs: [(key: String, value: JSON)] = [
            ("title", .string(title)),
            ("description", .string(description)),
            ("type", "object"),
        ]
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSON.string)))) }
        pairs += [("properties", .object(properties)), ("additionalProperties", false)]
        return .object(pairs + extra)
    }

    static let scalarTypes: JSON = ["string", "number", "boolean"]

    /// Text. The loader reads any scalar as text, so a number or `true` is taken as written.
    static func text(_ description: String) -> JSON {
        ["type": scalarTypes, "description": .string(description)]
    }

    /// One text or a list of texts.
    static func texts(_ description: String) -> JSON {
        [
            "type": ["string", "number", "boolean", "array"],
            "items": ["type": scalarTypes],
            "description": .string(description),
        ]
    }

    /// An id. A plain number such as `1` is read as the text `1`, which is a valid id.
    static func id(_ description: String) -> JSON {
        [
            "type": ["string", "integer"],
            "pattern": .string(idPattern),
            "minimum": 0,
            "description": .string(description),
        ]
    }

    /// One id or a list of ids.
    static func ids(_ description: String) -> JSON {
        [
            "type": ["string", "integer", "array"],
            "pattern": .string(idPattern),
            "minimum": 0,
            "items": ["type": ["string", "integer"], "pattern": .string(idPattern), "minimum": 0],
            "description": .string(description),
        ]
    }

    static func names<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> JSON
    where E.RawValue == String {
        .array(type.allCases.map { .string($0.rawValue) })
    }

    static func list(of name: String, minItems: Int, _ description: String) -> JSON {
        [
            "type": "array",
            "minItems": .integer(minItems),
            "items": ref(name),
            "description": .string(description),
        ]
    }

    /// A `dependentSchemas` member saying that each `(key, other)` pair excludes each other.
    static func exclusions(_ pairs: [(key: String, other: String)]) -> (key: String, value: JSON) {
        let schemas = pairs.map { pair -> (key: String, value: JSON) in
            (pair.key, ["not": ["required": .array([.string(pair.other)])]])
        }
        return ("dependentSchemas", .object(schemas))
    }

    static let tagsSchema = texts(
        "Free labels, e.g. for draws (`from: {tags: [...]}`); one or a list.")

    // MARK: Quiz

    static func quiz() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("Unique quiz id; should equal the file name without `.yaml`."),
            "title": text("The quiz's name, shown to learners."),
            "description": text("What the quiz covers, shown before it starts."),
            "pass": [
                "type": ["number", "string"],
                "minimum": 0,
                "maximum": 100,
                "pattern": #"^\s*(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)\s*%?\s*$"#,
                "default": .integer(Int(Quiz.defaultPassPercent)),
                "examples": ["75%"],
                "description": .string(
                    "Pass mark over the whole quiz, in percent from 0 to 100: `75%` or `75` "
                        + "(default \(Int(Quiz.defaultPassPercent))%)."),
            ],
            "mode": [
                "enum": names(QuizMode.self),
                "default": .string(QuizMode.practice.rawValue),
                "description":
                    "practice: feedback after each answer; exam: no feedback until the end.",
            ],
            "shuffle": [
                "enum": names(ShuffleMode.self),
                "default": .string(ShuffleMode.none.rawValue),
                "description": "What to shuffle (seeded: the same seed gives the same order).",
            ],
            "time-limit": [
                "type": ["integer", "string"],
                "minimum": 1,
                "pattern": #"^\s*(?=[^1-9]*[1-9])([0-9]+\s*|([0-9]{1,6}\s*[hmsHMS]\s*)+)$"#,
                "examples": ["20m", "90s", "1h30m"],
                "description": .string(
                    "Time allowed in exam mode: a duration such as `20m`, `90s` or `1h30m`; "
                        + "a bare number is minutes."),
            ],
            "items": list(
                of: "quiz-item", minItems: 1,
                "The quiz's content, in order: scenarios, inline questions and random draws."),
            "tags": tagsSchema,
        ]
        return object(
            title: "Quiz",
            description:
                "A quiz: scenarios, inline questions and draws, with a pass mark and a mode.",
            keys: FormatKeys.quiz, schemas: schemas, required: ["id", "title", "items"])
    }

    static func quizItem() -> JSON {
        let schemas: [String: JSON] = [
            "scenario": id("Includes the scenario with this id."),
            "question": ref("question").merging(["description": "An inline question."]),
            "draw": [
                "type": "integer",
                "minimum": 1,
                "description":
                    "Draws this many scenarios at random (seeded) from the pool `from` selects.",
            ],
            "from": ref("draw-filter").merging([
                "description": "Which scenarios the draw picks from (default: all)."
            ]),
        ]
        return object(
            title: "Quiz item",
            description: "One of `scenario: ID`, `question: {...}` or `draw: N` (with `from`).",
            keys: FormatKeys.quizItem, schemas: schemas, required: [],
            extra: [
                (
                    "oneOf",
                    [
                        ["required": ["scenario"]], ["required": ["question"]],
                        ["required": ["draw"]],
                    ]
                ),
                ("dependentRequired", ["from": ["draw"]]),
            ])
    }

    static func drawFilter() -> JSON {
        let schemas: [String: JSON] = [
            "competency": ids("Only scenarios that cover this competency (or all of these)."),
            "competencies": ids("Only scenarios that cover all of these competencies."),
            "channel": [
                "enum": names(Channel.self), "description": "Only scenarios on this channel.",
            ],
            "tags": texts("Only scenarios that carry all of these tags."),
            "scenarios": ids("Only these scenarios."),
        ]
        return object(
            title: "Draw pool",
            description: "Every filter given must match.",
            keys: FormatKeys.drawFilter, schemas: schemas, required: [])
    }

    // MARK: Scenario

    static func scenario() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("Unique scenario id; should equal the file name without `.yaml`."),
            "title": text("The scenario's name, shown to learners."),
            "channel": [
                "enum": names(Channel.self),
                "description":
                    "Where the conversation happens (`internal`: a colleague as customer).",
            ],
            "competencies": ids(
                "The competencies the steps count toward, unless a step names its own."),
            "customer": text("Who the customer is, in one line."),
            "context": text("The situation, shown before the first step."),
            "start": id("The first step (default: the first listed)."),
            "steps": list(
                of: "step", minItems: 1,
                "The questions of the scenario. Without `next`, the following step comes next."),
            "tags": tagsSchema,
        ]
        let stepNamesCompetency: JSON = [
            "anyOf": [["required": ["competency"]], ["required": ["competencies"]]]
        ]
        return object(
            title: "Scenario",
            description: "A customer situation played out in steps; each step is a question.",
            keys: FormatKeys.scenario, schemas: schemas, required: ["id", "title", "steps"],
            extra: [
                ("if", ["not": ["required": ["competencies"]]]),
                ("then", ["properties": ["steps": ["items": stepNamesCompetency]]]),
            ])
    }

    // MARK: rehearse.yaml

    static func config() -> JSON {
        let schemas: [String: JSON] = [
            "competencies": list(
                of: "competency", minItems: 1,
                "The bank's competencies; they replace the built-in empathy, "
                    + "product-knowledge and above-and-beyond.")
        ]
        return object(
            title: "Bank configuration",
            description: "rehearse.yaml at the bank root.",
            keys: FormatKeys.config, schemas: schemas, required: ["competencies"])
    }

    static func competency() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The id questions name in `competency`."),
            "title": text("The competency's name in reports."),
            "description": text("What the competency covers."),
        ]
        return object(
            title: "Competency",
            description: "A skill that questions count toward.",
            keys: FormatKeys.competency, schemas: schemas, required: ["id", "title"])
    }

    // MARK: Questions

    /// Checks `kind`, then the keys of that kind's definition.
    static func questionDispatch(inScenario: Bool) -> JSON {
        let branches: [JSON] = QuestionKind.allCases.map { kind in
            [
                "if": ["properties": ["kind": ["const": .string(kind.rawValue)]]],
                "then": ref(questionName(kind, inScenario: inScenario)),
            ]
        }
        return [
            "title": inScenario ? "Step" : "Question",
            "description": .string(
                inScenario
                    ? "A step of the scenario: a question, which may name the step that follows."
                    : "A question written inside the quiz."),
            "type": "object",
            "required": ["kind"],
            "properties": ["kind": kindSchema(nil)],
            "allOf": .array(branches),
        ]
    }

    static func kindSchema(_ kind: QuestionKind?) -> JSON {
        guard let kind else {
            return [
                "enum": names(QuestionKind.self),
                "description": "The kind of question; it decides the other keys.",
            ]
        }
        return ["const": .string(kind.rawValue), "description": .string(summary(of: kind))]
    }

    static func summary(of kind: QuestionKind) -> String {
        switch kind {
        case .choice:
            "Pick one option; it earns its `score`, or the question's points when `correct: true`."
        case .multi:
            "Pick every right option; scored `all-or-nothing` or `partial`."
        case .truefalse:
            "A statement the learner marks true or false."
        case .order:
            "Put the items in order; list them in the right order."
        case .text:
            "A written answer, matched against `accept`, `patterns` or a `rubric`."
        case .number:
            "A number: `answer` within `tolerance`, or inside `range`."
        case .rate:
            "Rate each response from 1 to `scale`; scored against the expert's `key`."
        }
    }

    static func title(of kind: QuestionKind) -> String {
        switch kind {
        case .choice: "Choice"
        case .multi: "Multiple answer"
        case .truefalse: "True/false"
        case .order: "Ordering"
        case .text: "Text"
        case .number: "Number"
        case .rate: "Rating"
        }
    }

    static func question(_ kind: QuestionKind, inScenario: Bool) -> JSON {
        let keys =
            FormatKeys.question + (inScenario ? FormatKeys.stepOnly : [])
            + FormatKeys.kindKeys(kind)
        let owner = inScenario ? "SCENARIO" : "QUIZ"
        var schemas: [String: JSON] = [
            "id": id(
                "Unique within its \(inScenario ? "scenario" : "quiz"); addressed as \(owner)/ID."),
            "kind": kindSchema(kind),
            "prompt": text("The question the learner sees."),
            "competency": id("The competency this question counts toward."),
            "competencies": ids("The competencies this question counts toward."),
            "points": [
                "type": "number",
                "exclusiveMinimum": 0,
                "default": 1,
                "description": .string(pointsDescription(kind)),
            ],
            "hint": text("A nudge the learner may ask for."),
            "explanation": text("Shown after answering."),
            "tags": tagsSchema,
            "next": id(
                "The step that follows: a step id, or `end`. Default: the next step listed."),
        ]
        var required = ["id", "kind", "prompt"]
        var extra: [(key: String, value: JSON)] = []
        var exclusions: [(key: String, other: String)] = [("competency", "competencies")]
        switch kind {
        case .choice:
            let right: JSON = [
                "anyOf": [
                    ["required": ["correct"], "properties": ["correct": ["const": true]]],
                    ["required": ["score"], "properties": ["score": ["exclusiveMinimum": 0]]],
                ]
            ]
            schemas["options"] = list(
                of: inScenario ? "step-choice-option" : "choice-option", minItems: 1,
                "The options; at least one has `correct: true` or a score above 0."
            ).merging(["contains": right])
            required.append("options")
        case .multi:
            schemas["options"] = list(
                of: "multi-option", minItems: 1, "The options; mark each right one `correct: true`."
            ).merging([
                "contains": ["required": ["correct"], "properties": ["correct": ["const": true]]]
            ])
            schemas["scoring"] = [
                "enum": names(MultiScoring.self),
                "default": .string(MultiScoring.allOrNothing.rawValue),
                "description": .string(
                    "partial: (right picks - wrong picks) / right options, at least 0, "
                        + "times points."),
            ]
            required.append("options")
        case .truefalse:
            schemas["answer"] = [
                "type": "boolean", "description": "Whether the statement is true.",
            ]
            required.append("answer")
        case .order:
            schemas["items"] = list(of: "order-item", minItems: 2, "The items, in the right order.")
            schemas["scoring"] = [
                "enum": names(OrderScoring.self),
                "default": .string(OrderScoring.exact.rawValue),
                "description": "partial: the share of item pairs in the right relative order.",
            ]
            required.append("items")
        case .text:
            schemas["accept"] = texts(
                "Answers to accept, compared after folding case, spaces and punctuation.")
            schemas["patterns"] = texts("Regular expressions; an answer matching one is right.")
            schemas["rubric"] = list(
                of: "rubric-group", minItems: 1,
                "Groups of words; the answer earns each group's points when it uses any "
                    + "of its words.")
            extra.append(
                (
                    "anyOf",
                    [
                        ["required": ["accept"]], ["required": ["patterns"]],
                        ["required": ["rubric"]],
                    ]
                ))
            exclusions.append(("rubric", "points"))
        case .number:
            schemas["answer"] = ["type": "number", "description": "The right number."]
            schemas["tolerance"] = [
                "type": "number",
                "minimum": 0,
                "default": 0,
                "description": "How far an answer may be from `answer` and still be right.",
            ]
            schemas["range"] = [
                "type": "array",
                "items": ["type": "number"],
                "minItems": 2,
                "maxItems": 2,
                "description": "`[low, high]`: any answer in between (inclusive) is right.",
            ]
            schemas["unit"] = text("The unit, shown after the answer field; learners may type it.")
            extra.append(("anyOf", [["required": ["answer"]], ["required": ["range"]]]))
            exclusions.append(("answer", "range"))
        case .rate:
            schemas["responses"] = list(
                of: "rate-response", minItems: 1,
                "The responses to rate, each with the expert's `key`.")
            schemas["scale"] = [
                "type": "integer",
                "minimum": 2,
                "maximum": 100,
                "default": 5,
                "description": "Ratings run from 1 to `scale`.",
            ]
            required.append("responses")
        }
        if !inScenario {
            extra.append(
                ("anyOf", [["required": ["competency"]], ["required": ["competencies"]]]))
        }
        extra.append(Self.exclusions(exclusions))
        // Two `anyOf`s (text or number, plus a quiz question's competency) go into `allOf`.
        let anyOfs = extra.filter { $0.key == "anyOf" }
        if anyOfs.count > 1 {
            extra.removeAll { $0.key == "anyOf" }
            extra.append(("allOf", .array(anyOfs.map { JSON.object([$0]) })))
        }
        return object(
            title: "\(title(of: kind)) \(inScenario ? "step" : "question")",
            description: summary(of: kind), keys: keys, schemas: schemas, required: required,
            extra: extra)
    }

    static func pointsDescription(_ kind: QuestionKind) -> String {
        switch kind {
        case .choice: "Points for a perfect answer (default: the best option's score, else 1)."
        case .text: "Points for a right answer (default 1); with a rubric, the groups' sum instead."
        default: "Points for a perfect answer (default 1)."
        }
    }

    // MARK: Options and items

    static func choiceOption(inScenario: Bool) -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The option's id: what the learner answers."),
            "text": text("The option as the learner sees it."),
            "score": [
                "type": "number",
                "minimum": 0,
                "description": .string(
                    "Points this option earns (partial credit); the best option scores the "
                        + "question's points."),
            ],
            "correct": [
                "type": "boolean",
                "description": "`true`: this option earns the question's full points.",
            ],
            "feedback": text("Shown when this option is chosen."),
            "next": id("The step that follows when this option is chosen: a step id, or `end`."),
        ]
        return object(
            title: inScenario ? "Option of a choice step" : "Option of a choice question",
            description: "An option: `score: N` for partial credit, or `correct: true`.",
            keys: FormatKeys.choiceOption.filter { inScenario || $0 != "next" }, schemas: schemas,
            required: ["id", "text"], extra: [exclusions([("score", "correct")])])
    }

    static func multiOption() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The option's id: what the learner answers."),
            "text": text("The option as the learner sees it."),
            "correct": [
                "type": "boolean",
                "default": false,
                "description": "Whether this option is one of the right picks.",
            ],
            "feedback": text("Shown after answering."),
        ]
        return object(
            title: "Option of a multi question",
            description: "An option that is right (`correct: true`) or wrong.",
            keys: FormatKeys.multiOption, schemas: schemas, required: ["id", "text"])
    }

    static func orderItem() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The item's id: what the learner answers."),
            "text": text("The item as the learner sees it."),
        ]
        return object(
            title: "Item to order",
            description: "One of the items, listed in the right order.",
            keys: FormatKeys.orderItem, schemas: schemas, required: ["id", "text"])
    }

    static func rubricGroup() -> JSON {
        let schemas: [String: JSON] = [
            "any": texts("Words or phrases; using any of them earns the group's points."),
            "points": [
                "type": "number",
                "exclusiveMinimum": 0,
                "default": 1,
                "description": "Points the group earns.",
            ],
        ]
        return object(
            title: "Rubric group",
            description: "A group of words; the answer earns its points when it uses any of them.",
            keys: FormatKeys.rubricGroup, schemas: schemas, required: ["any"])
    }

    static func rateResponse() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The response's id: what the learner answers (`id=rating`)."),
            "text": text("The response as the learner sees it."),
            "key": [
                "type": "number",
                "minimum": 1,
                "maximum": 100,
                "description": "The expert's rating, from 1 to the question's `scale`.",
            ],
            "feedback": text("Shown after answering."),
        ]
        return object(
            title: "Response to rate",
            description: "A response with the rating an expert gives it.",
            keys: FormatKeys.rateResponse, schemas: schemas, required: ["id", "text", "key"])
    }
}

// MARK: JSON

extension FormatSchema {
    /// Schema documents are ordered JSON values.
    typealias JSON = JSONValue
}

extension JSONValue {
    /// Every `$ref` target inside the value.
    var references: [String] {
        switch self {
        case .array(let items):
            return items.flatMap(\.references)
        case .object(let pairs):
            return pairs.flatMap { pair -> [String] in
                if pair.key == "$ref", case .string(let target) = pair.value {
                    return [target]
                }
                return pair.value.references
            }
        default:
            return []
        }
    }
}
