import RehearseBank
import RehearseCore

/// The definitions of questions and steps: one per kind, and the dispatch on `kind`.
extension FormatSchema {
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
}
